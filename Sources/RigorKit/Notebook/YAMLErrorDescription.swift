import Yams

/// Turns a Yams error into a position and a one-line message for a `Diagnostic`.
enum YAMLErrorDescription {
  static func describe(_ error: YamlError) -> (Mark?, String) {
    switch error {
    case .scanner(let context, let problem, let mark, _):
      return (mark, [context?.text, problem].compactMap { $0 }.joined(separator: ": "))
    case .parser(let context, let problem, let mark, _):
      return (mark, [context?.text, problem].compactMap { $0 }.joined(separator: ": "))
    case .composer(let context, let problem, let mark, _):
      return (mark, [context?.text, problem].compactMap { $0 }.joined(separator: ": "))
    default:
      return (nil, String(describing: error).split(separator: "\n").first.map(String.init) ?? "")
    }
  }
}

extension Node {
  /// The node's resolved tag name (`int`, `float`, `str`...), comparable with `Tag.Name` values.
  var tagName: Tag.Name { Tag.Name(rawValue: tag.description) }
}
