import Foundation

/// A parameter value as the supervisor sends it in `RIGOR_PARAMS` (a JSON object).
enum ParameterValue: Decodable, Equatable {
  case bool(Bool)
  case int(Int)
  case double(Double)
  case string(String)

  /// Environment variable holding the parameters as one JSON object.
  static let environmentKey = "RIGOR_PARAMS"

  init(from decoder: Decoder) throws {
    let container = try decoder.singleValueContainer()
    // Bool first: a JSON `true` must not become 1, nor 1 become `true`.
    if let value = try? container.decode(Bool.self) {
      self = .bool(value)
    } else if let value = try? container.decode(Int.self) {
      self = .int(value)
    } else if let value = try? container.decode(Double.self) {
      self = .double(value)
    } else {
      self = .string(try container.decode(String.self))
    }
  }

  /// Parses the `RIGOR_PARAMS` text; nil text means no parameters were given.
  static func parseObject(_ text: String?) throws -> [String: ParameterValue] {
    guard let text, !text.isEmpty else { return [:] }
    do {
      return try JSONDecoder().decode([String: ParameterValue].self, from: Data(text.utf8))
    } catch {
      throw RigorRuntimeError("\(environmentKey) is not a JSON object of numbers, strings and booleans: \(error)")
    }
  }

  var jsonDescription: String {
    switch self {
    case .bool(let value): return String(value)
    case .int(let value): return String(value)
    case .double(let value): return String(value)
    case .string(let value): return JSONLine.quoted(value)
    }
  }

  func asInt(name: String) throws -> Int {
    if case .int(let value) = self { return value }
    throw mismatch(name: name, expected: "an Int")
  }

  func asDouble(name: String) throws -> Double {
    switch self {
    case .double(let value): return value
    case .int(let value): return Double(value)
    default: throw mismatch(name: name, expected: "a Double")
    }
  }

  func asString(name: String) throws -> String {
    if case .string(let value) = self { return value }
    throw mismatch(name: name, expected: "a String")
  }

  func asBool(name: String) throws -> Bool {
    if case .bool(let value) = self { return value }
    throw mismatch(name: name, expected: "a Bool")
  }

  private func mismatch(name: String, expected: String) -> RigorRuntimeError {
    RigorRuntimeError("parameter '\(name)' is \(jsonDescription), not \(expected)")
  }
}
