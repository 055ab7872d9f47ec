extension ParameterValue: CustomStringConvertible {
  /// The Swift type name used in the generated `params` struct.
  public var swiftType: String {
    switch self {
    case .int: "Int"
    case .double: "Double"
    case .string: "String"
    case .bool: "Bool"
    }
  }

  public var description: String {
    switch self {
    case .int(let v): String(v)
    case .double(let v): String(v)
    case .string(let v): v
    case .bool(let v): String(v)
    }
  }

  /// Parses a command-line override as a value of the same type as `self`.
  ///
  /// An `Int` literal is accepted for a `Double` parameter (`--param rate=1`), as in YAML.
  /// Returns nil when `text` is not a value of that type.
  public func parsingOverride(_ text: String) -> ParameterValue? {
    switch self {
    case .int: Int(text).map(ParameterValue.int)
    case .double: Double(text).flatMap { $0.isFinite ? .double($0) : nil }
    case .bool:
      switch text.lowercased() {
      case "true": .bool(true)
      case "false": .bool(false)
      default: nil
      }
    case .string: .string(text)
    }
  }
}
