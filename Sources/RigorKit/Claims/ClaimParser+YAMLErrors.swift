import Yams

extension ClaimParser {
  /// A diagnostic for a YAML syntax error, at the position Yams reports.
  func yamlDiagnostic(_ error: YamlError, yaml: String) -> Diagnostic {
    switch error {
    case let .scanner(context, problem, mark, _),
      let .parser(context, problem, mark, _),
      let .composer(context, problem, mark, _):
      var message = "invalid YAML in claim: \(problem)"
      if let context { message += " (\(context.text))" }
      if let hint = Self.quoteHint(yaml: yaml, line: mark.line) { message += "; \(hint)" }
      // Yams reports "end of stream" one line past the text; point at the block's last line.
      let lastLine = max(1, yaml.split(separator: "\n", omittingEmptySubsequences: false).count - (yaml.hasSuffix("\n") ? 1 : 0))
      let line = min(mark.line, lastLine)
      return Diagnostic(message, at: locationOf(line: line, column: line == mark.line ? mark.column : 1))
    case let .duplicatedKeysInMapping(duplicates, context):
      let name = duplicates.first ?? "?"
      let (line, column) = Self.secondOccurrence(of: name, in: yaml)
        ?? (context.mark.line, context.mark.column)
      return Diagnostic(
        "claim field '\(name)' is given more than once", at: locationOf(line: line, column: column))
    case let .reader(problem, offset, _, _):
      let line = offset.map { yaml.prefix($0).filter { $0 == "\n" }.count + 1 } ?? 1
      return Diagnostic(
        "invalid YAML in claim: \(problem)",
        at: SourceLocation(file: file, line: firstLine + line - 1, column: 1 + columnOffset))
    default:
      return Diagnostic(
        "invalid YAML in claim: \(error)",
        at: SourceLocation(file: file, line: firstLine, column: 1 + columnOffset))
    }
  }

  private func locationOf(_ mark: Mark) -> SourceLocation {
    locationOf(line: mark.line, column: mark.column)
  }

  private func locationOf(line: Int, column: Int) -> SourceLocation {
    SourceLocation(
      file: file, line: firstLine + max(line, 1) - 1, column: max(column, 1) + columnOffset)
  }

  /// `expect: >= 0.8` is a YAML error (`>` starts a folded block); the fix is to quote it.
  static func quoteHint(yaml: String, line: Int) -> String? {
    let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false)
    for index in [line - 1, line - 2] where index >= 0 && index < lines.count {
      let text = lines[index].drop { $0 == " " }
      guard text.hasPrefix("expect:") else { continue }
      let value = text.dropFirst("expect:".count).drop { $0 == " " }
      if value.first == ">" || value.first == "<" {
        return "quote the expectation: expect: \"\(value)\""
      }
    }
    return nil
  }

  /// The 1-based line and column of the second line that starts with `name:` (the repeat of
  /// a duplicate key).
  static func secondOccurrence(of name: String, in yaml: String) -> (line: Int, column: Int)? {
    var seen = 0
    for (index, line) in yaml.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      let indent = line.prefix { $0 == " " }.count
      let rest = line.dropFirst(indent)
      guard rest.hasPrefix(name) else { continue }
      let after = rest.dropFirst(name.count).drop { $0 == " " }
      guard after.first == ":" else { continue }
      seen += 1
      if seen == 2 { return (index + 1, indent + 1) }
    }
    return nil
  }
}
