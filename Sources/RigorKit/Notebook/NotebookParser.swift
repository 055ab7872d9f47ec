import Foundation

/// Reads a notebook file into a `Notebook`, collecting every problem as a `Diagnostic`.
///
/// Parsing follows CommonMark through cmark-gfm: a fenced block whose info string's first word
/// is `swift` is a step (unless its next word is `no-run`), one whose info string is `claim`
/// holds a claim; everything else, indented code included, is only shown.
public struct NotebookParser: Sendable {
  /// Files larger than this are refused before parsing (a notebook is prose and code).
  public static let maximumBytes = 8 * 1024 * 1024

  public init() {}

  /// Loads and parses the file at `url`; `path` is how messages name it.
  ///
  /// - Throws: `NotebookInvalid` when the file cannot be read as a notebook at all.
  public func load(contentsOf url: URL, path: String) throws -> NotebookParse {
    let location = SourceLocation(file: path, line: 1, column: 1)
    func invalid(_ message: String) -> NotebookInvalid {
      NotebookInvalid(diagnostics: [Diagnostic(message, at: location)])
    }
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
      throw invalid("no such file")
    }
    if isDirectory.boolValue { throw invalid("is a directory, not a notebook file") }
    let attributes = try? FileManager.default.attributesOfItem(atPath: url.path)
    if let size = attributes?[.size] as? Int, size > Self.maximumBytes {
      throw invalid("file is \(size) bytes; notebooks are limited to \(Self.maximumBytes) bytes")
    }
    let data: Data
    do { data = try Data(contentsOf: url) } catch {
      throw invalid("cannot read the file: \(error.localizedDescription)")
    }
    if data.contains(0) { throw invalid("binary file (contains NUL bytes), not a Markdown notebook") }
    guard let text = String(data: data, encoding: .utf8) else {
      throw invalid("not valid UTF-8 text")
    }
    return parse(text: text, path: path)
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
