import Foundation

/// A notebook parameter value: the four scalar types front matter may declare, as the
/// runner writes them to the parameters file and the runtime reads them back.
public enum ParameterValue: Hashable, Sendable {
  case int(Int)
  case double(Double)
  case string(String)
  case bool(Bool)

  /// The value as JSON text.
  public var json: String {
    switch self {
    case .int(let value): String(value)
    case .double(let value): JSONText.number(value)
    case .string(let value): JSONText.quoted(value)
    case .bool(let value): String(value)
    }
  }

  /// A JSON object of parameters, keys sorted so the same values give the same bytes.
  public static func jsonObject(_ parameters: [String: ParameterValue]) -> String {
    "{" + parameters.sorted { $0.key < $1.key }.map { JSONText.quoted($0.key) + ":" + $0.value.json }
      .joined(separator: ",") + "}"
  }

  /// Reads a JSON object of parameters, as `jsonObject` writes it.
  public static func parseObject(_ data: Data) throws -> [String: ParameterValue] {
    try JSONDecoder().decode([String: ParameterValue].self, from: data)
  }
}

extension ParameterValue: Codable {
  public init(from decoder: Decoder) throws {
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

  public func encode(to encoder: Encoder) throws {
    var container = encoder.singleValueContainer()
    switch self {
    case .int(let value): try container.encode(value)
    case .double(let value): try container.encode(value)
    case .string(let value): try container.encode(value)
    case .bool(let value): try container.encode(value)
    }
  }
}
