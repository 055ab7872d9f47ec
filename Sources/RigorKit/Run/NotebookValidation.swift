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
      if let claim = result.claim {
        claims.append((claim, result.idLocation ?? SourceLocation(file: notebook.path, line: block.line)))
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
}
