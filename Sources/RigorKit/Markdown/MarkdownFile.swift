import Foundation

/// Reads a Markdown file as text, refusing what is not one with a clear message at line 1.
enum MarkdownFile {
  /// Files larger than this are refused before parsing (a notebook is prose and code).
  static let maximumBytes = 8 * 1024 * 1024

  static func read(_ url: URL, path: String) throws -> String {
    let location = SourceLocation(file: path, line: 1, column: 1)
    func invalid(_ message: String) -> NotebookInvalid {
      NotebookInvalid(diagnostics: [Diagnostic(message, at: location)])
    }
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
      throw invalid("no such file")
    }
    if isDirectory.boolValue { throw invalid("is a directory, not a Markdown file") }
    let attributes = try? FileManager.default.attributesOfItem(atPath: url.path)
    if let size = attributes?[.size] as? Int, size > maximumBytes {
      throw invalid("file is \(size) bytes; Markdown files are limited to \(maximumBytes) bytes")
    }
    let data: Data
    do { data = try Data(contentsOf: url) } catch {
      throw invalid("cannot read the file: \(error.localizedDescription)")
    }
    if data.contains(0) { throw invalid("binary file (contains NUL bytes), not Markdown") }
    guard let text = String(data: data, encoding: .utf8) else { throw invalid("not valid UTF-8 text") }
    return text
  }
}
