import Foundation

/// Reads swiftc's `-diagnostic-style llvm` output into `Diagnostic`s at notebook lines.
///
/// `#sourceLocation` makes the compiler name the notebook itself; the column is shifted back by
/// the indentation CommonMark removed from a step nested in a list. Problems in the generated
/// glue (rare: a step redeclaring `params`) are reported at the notebook's first line.
struct CompilerDiagnosticParser {
  var notebook: Notebook
  var generatedPath: String

  /// How many of the lines before a location-less error (a linker's own output) it carries.
  static let contextLines = 12

  func parse(_ output: String) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    // A failed link ends in `clang: error: linker command failed`; the cause (an undefined
    // symbol, a truncated library) is in the linker's lines before it, which are not diagnostics.
    var context: [Substring] = []
    for line in output.split(separator: "\n") {
      // A note (the candidates of an ambiguous call, where a name was declared) belongs to the
      // diagnostic before it; it stays with that message so the user sees the whole story.
      if let note = note(in: Substring(line)), let last = diagnostics.indices.last {
        diagnostics[last].message += "\n  note: " + note
        context.removeAll()
        continue
      }
      guard let diagnostic = parseLine(Substring(line), context: context) else {
        context.append(line)
        continue
      }
      context.removeAll()
      if !diagnostics.contains(diagnostic) { diagnostics.append(diagnostic) }
    }
    return diagnostics
  }

  /// The text of a `FILE:LINE:COLUMN: note: MESSAGE` line, with the notebook line when the
  /// note points into the notebook ("... (line 12)") and the declaring file otherwise.
  private func note(in line: Substring) -> String? {
    guard let range = line.range(of: ": note: ") else { return nil }
    let message = String(line[range.upperBound...])
    let parts = line[..<range.lowerBound].split(separator: ":", omittingEmptySubsequences: false)
    guard parts.count >= 3, let lineNumber = Int(parts[parts.count - 2]), Int(parts[parts.count - 1]) != nil
    else { return message }
    let file = parts.dropLast(2).joined(separator: ":")
    if file == notebook.path { return "\(message) (line \(lineNumber))" }
    if file == generatedPath { return message }
    return "\(message) (\((file as NSString).lastPathComponent):\(lineNumber))"
  }

  private func parseLine(_ line: Substring, context: [Substring]) -> Diagnostic? {
    for severity in [Diagnostic.Severity.error, .warning] {
      let marker = ": \(severity.rawValue): "
      guard let range = line.range(of: marker) else { continue }
      let head = line[..<range.lowerBound]
      let message = String(line[range.upperBound...])
      let parts = head.split(separator: ":", omittingEmptySubsequences: false)
      guard parts.count >= 3, let lineNumber = Int(parts[parts.count - 2]),
        let column = Int(parts[parts.count - 1])
      else {
        let cause = context.suffix(Self.contextLines).filter { !$0.hasPrefix("error: link command failed") }
        let detail = cause.isEmpty ? "" : "\n" + cause.joined(separator: "\n")
        return Diagnostic(message + detail, at: SourceLocation(file: notebook.path, line: 1), severity: severity)
      }
      let file = parts.dropLast(2).joined(separator: ":")
      if file == notebook.path {
        let indent = notebook.steps.last(where: { $0.line <= lineNumber })?.indent ?? 0
        return Diagnostic(
          message, at: SourceLocation(file: file, line: lineNumber, column: column + indent),
          severity: severity)
      }
      return Diagnostic(
        "in code Rigor generated around the steps: \(message)",
        at: SourceLocation(file: notebook.path, line: 1), severity: severity)
    }
    return nil
  }
}
