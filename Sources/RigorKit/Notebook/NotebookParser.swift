import Foundation

/// Reads a notebook file into a `Notebook`, collecting every problem as a `Diagnostic`.
///
/// Parsing follows CommonMark through cmark-gfm: a fenced block whose info string's first word
/// is `swift` is a step (unless its next word is `no-run`), one whose info string is `claim`
/// holds a claim; everything else, indented code included, is only shown.
public struct NotebookParser: Sendable {
  public init() {}

  /// Loads and parses the file at `url`; `path` is how messages name it.
  ///
  /// - Throws: `NotebookInvalid` when the file cannot be read as a notebook at all.
  public func load(contentsOf url: URL, path: String) throws -> NotebookParse {
    parse(text: try MarkdownFile.read(url, path: path), path: path)
  }

  /// Parses notebook text; never throws: problems come back in `diagnostics`.
  public func parse(text: String, path: String) -> NotebookParse {
    var diagnostics: [Diagnostic] = []
    let (frontMatter, bodyText) = FrontMatterParser().split(text: text, path: path, diagnostics: &diagnostics)
    var steps: [NotebookStep] = []
    var claims: [ClaimBlock] = []
    for block in MarkdownDocument(bodyText).codeBlocks() where block.fenced {
      switch block.language {
      case "swift" where !block.attributes.contains("no-run"):
        steps.append(
          NotebookStep(
            index: steps.count + 1, line: block.contentLine, code: block.literal,
            indent: block.startColumn - 1 + block.fenceIndent))
      case "claim":
        claims.append(
          ClaimBlock(yaml: block.literal, line: block.contentLine, column: block.startColumn))
      default:
        continue
      }
    }
    let notebook = Notebook(
      path: path, text: text, frontMatter: frontMatter, steps: steps, claimBlocks: claims)
    return NotebookParse(notebook: notebook, diagnostics: diagnostics)
  }
}

/// The outcome of parsing: the notebook as far as it could be read, and every problem found.
public struct NotebookParse: Sendable {
  public var notebook: Notebook
  public var diagnostics: [Diagnostic]

  /// True when no diagnostic is an error.
  public var isValid: Bool { !diagnostics.contains { $0.severity == .error } }
}

/// A notebook that could not be parsed; each diagnostic says where and why.
public struct NotebookInvalid: Error, CustomStringConvertible {
  public var diagnostics: [Diagnostic]

  public init(diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }

  public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
