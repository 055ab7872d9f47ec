import Foundation

extension ParameterValue {
  /// Reads the parameters the supervisor passed: the file named by `RIGOR_PARAMS_FILE`, else
  /// the inline `RIGOR_PARAMS` text; neither means no parameters were given.
  static func fromEnvironment(_ environment: [String: String]) throws -> [String: ParameterValue] {
    if let path = environment[ChannelEnvironment.parametersFile] {
      let data: Data
      do {
        data = try Data(contentsOf: URL(fileURLWithPath: path))
      } catch {
        throw RigorRuntimeError("cannot read the parameters file \(path): \(error.localizedDescription)")
      }
      guard data.count <= RigorLimits.maxParametersBytes else {
        throw RigorRuntimeError("the parameters file \(path) is larger than \(RigorLimits.maxParametersBytes) bytes")
      }
      return try parseObject(data, source: ChannelEnvironment.parametersFile)
    }
    guard let text = environment[ChannelEnvironment.parametersInline], !text.isEmpty else { return [:] }
    return try parseObject(Data(text.utf8), source: ChannelEnvironment.parametersInline)
  }

  /// Parses parameters JSON, naming `source` in the error.
  static func parseObject(_ data: Data, source: String) throws -> [String: ParameterValue] {
    do {
      return try parseObject(data)
    } catch {
      throw RigorRuntimeError("\(source) is not a JSON object of numbers, strings and booleans: \(error)")
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
    RigorRuntimeError("parameter '\(name)' is \(String(json.prefix(200))), not \(expected)")
  }
}
