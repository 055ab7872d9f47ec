/// The rules names passed to the runtime API must follow.
///
/// Metric and split names match `[A-Za-z0-9_.-]+`. Figure and artifact names become file
/// names, so on top of that they must not start with `.` (no hidden files, no `..`) and must
/// not contain `..`; `/` is already excluded by the character set.
enum NameRules {
  static func isAllowedCharacter(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
      UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "."),
      UInt8(ascii: "-"):
      return true
    default:
      return false
    }
  }

  /// Checks a metric or split name; `kind` names the thing in the message ("metric").
  static func checkName(_ name: String, kind: String) throws {
    if name.isEmpty { throw RigorRuntimeError("\(kind) name is empty") }
    if name.utf8.count > RigorLimits.maxNameBytes {
      throw RigorRuntimeError(
        "\(kind) name '\(name.prefix(40))...' is longer than \(RigorLimits.maxNameBytes) bytes")
    }
    if let bad = name.unicodeScalars.first(where: { !$0.isASCII || !isAllowedCharacter(UInt8($0.value)) }) {
      throw RigorRuntimeError(
        "\(kind) name '\(name)' contains '\(bad)'; names may use only letters, digits, '_', '.' and '-'")
    }
  }

  /// Checks a name that becomes a file name under the seed's result folder.
  static func checkFileName(_ name: String, kind: String) throws {
    if name.contains("/") {
      throw RigorRuntimeError("\(kind) name '\(name)' contains '/'; files go flat in the seed's \(kind) folder")
    }
    try checkName(name, kind: kind)
    if name.hasPrefix(".") || name.contains("..") {
      throw RigorRuntimeError("\(kind) name '\(name)' must not start with '.' or contain '..'")
    }
  }
}
