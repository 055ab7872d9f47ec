import Foundation

/// Everything that must hold before anything compiles: the file parses, front matter and claims
/// follow their schemas, claim ids are unique, and `--param` overrides name declared parameters
/// with values of the right type.
struct NotebookValidation {
  struct Valid {
    var notebook: Notebook
    var claims: [Claim]
    var parameters: [String: ParameterValue]
  }

  /// The valid notebook (nil when any error was found) and every diagnostic, warnings included.
  var notebook: Valid?
  var diagnostics: [Diagnostic]

  static func validate(url: URL, path: String, overrides: ParameterOverrides) -> NotebookValidation {
    let parse: NotebookParse
    do {
      parse = try NotebookParser().load(contentsOf: url, path: path)
    } catch let invalid as NotebookInvalid {
      return NotebookValidation(notebook: nil, diagnostics: invalid.diagnostics)
    } catch {
      return NotebookValidation(
        notebook: nil, diagnostics: [Diagnostic("\(error)", at: SourceLocation(file: path, line: 1))])
    }
    return validate(parse, overrides: overrides)
  }

  static func validate(_ parse: NotebookParse, overrides: ParameterOverrides) -> NotebookValidation {
    var diagnostics = parse.diagnostics
    let notebook = parse.notebook
    var claims: [(Claim, SourceLocation)] = []
    for block in notebook.claimBlocks {
      let result = Claim.parseBlock(
        yaml: block.yaml, file: notebook.path, firstLine: block.line, columnOffset: block.column - 1)
      diagnostics += result.diagnostics
      if var claim = result.claim {
        let problems = checkWhen(&claim, locations: result.whenLocations, notebook: notebook, blockLine: block.line)
        diagnostics += problems
        if problems.isEmpty {
          claims.append((claim, result.idLocation ?? SourceLocation(file: notebook.path, line: block.line)))
        }
      }
    }
    diagnostics += Claim.checkUniqueIDs(claims)
    let (parameters, parameterErrors) = overrides.apply(to: notebook)
    diagnostics += parameterErrors
    guard !diagnostics.contains(where: { $0.severity == .error }) else {
      return NotebookValidation(notebook: nil, diagnostics: diagnostics)
    }
    return NotebookValidation(
      notebook: Valid(notebook: notebook, claims: claims.map(\.0), parameters: parameters),
      diagnostics: diagnostics)
  }

  /// docs/JUDGING.md: a `when` naming an unknown parameter, or giving a value of the wrong type, is
  /// invalid. An integer for a `Double` parameter is accepted (and stored as a Double), as in
  /// front matter and `--param`.
  static func checkWhen(
    _ claim: inout Claim, locations: [String: SourceLocation], notebook: Notebook, blockLine: Int
  ) -> [Diagnostic] {
    guard let when = claim.when else { return [] }
    let declared = Dictionary(
      notebook.frontMatter.parameters.map { ($0.name, $0.value) }, uniquingKeysWith: { a, _ in a })
    var diagnostics: [Diagnostic] = []
    var normalized: [String: ParameterValue] = [:]
    for (name, value) in when.sorted(by: { $0.key < $1.key }) {
      let at = locations[name] ?? SourceLocation(file: notebook.path, line: blockLine)
      guard let declaredValue = declared[name] else {
        let known = declared.keys.sorted().joined(separator: ", ")
        diagnostics.append(Diagnostic(
          "claim '\(claim.id)': 'when' names parameter '\(name)', which the front matter does not declare"
            + (known.isEmpty ? " (it declares no params)" : " (params: \(known))"),
          at: at))
        continue
      }
      switch (declaredValue, value) {
      case (.int, .int), (.double, .double), (.string, .string), (.bool, .bool):
        normalized[name] = value
      case (.double, .int(let v)):
        normalized[name] = .double(Double(v))
      default:
        diagnostics.append(Diagnostic(
          "claim '\(claim.id)': 'when' gives '\(name)' the value \(value) (\(value.swiftType)), but parameter '\(name)' is a \(declaredValue.swiftType)",
          at: at))
      }
    }
    claim.when = normalized
    return diagnostics
  }
}
