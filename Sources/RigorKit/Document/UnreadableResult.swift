import Foundation

/// A result commit whose `result.json` does not decode as a run document: a damaged or forged
/// result, shown as unreadable with the reason and never counted as a verdict.
struct UnreadableResult: Error, CustomStringConvertible {
  var commit: ObjectID
  var reason: String

  var description: String {
    "the result \(commit.shortDescription) is unreadable: \(reason)"
  }

  /// A one-line reason for a decoding failure, naming the field where one is known (Foundation's
  /// own descriptions are multi-line dumps of coding paths).
  static func reason(_ error: Error) -> String {
    func path(_ keys: [CodingKey]) -> String {
      let text = keys.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
      return text.isEmpty ? "the top level" : String(text.drop { $0 == "." })
    }
    guard let error = error as? DecodingError else { return "\(error)" }
    switch error {
    case .dataCorrupted(let context) where context.codingPath.isEmpty:
      return "result.json is not valid JSON"
    case .dataCorrupted(let context):
      return "\(path(context.codingPath)) has an invalid value"
    case .keyNotFound(let key, let context):
      return "\(path(context.codingPath + [key])) is missing"
    case .typeMismatch(let type, let context):
      return "\(path(context.codingPath)) is not a \(type)"
    case .valueNotFound(let type, let context):
      return "\(path(context.codingPath)) is null where a \(type) is required"
    @unknown default:
      return "result.json does not decode"
    }
  }
}
