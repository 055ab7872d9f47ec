import Foundation

/// What the Swift runtime printed about a crash: the fatal error message and the innermost
/// backtrace frame inside the notebook.
///
/// The runtime prints `FILE:LINE: Fatal error: MESSAGE`, then (with `SWIFT_BACKTRACE`
/// enabled) a trace whose frames end in `at PATH:LINE:COLUMN`; frames compiled under
/// `#sourceLocation` carry the notebook's path and line.
struct CrashReport: Equatable {
  var message: String?
  var location: SourceLocation?
  /// The core's own message when the trap was one of its checks on how it is called (the
  /// runtime names a file under `Interp/`): "matmul: shapes [2, 3] and [4, 5] do not chain".
  var coreMessage: String?

  /// Reads a crash report from the end of the program's output.
  ///
  /// `sourcePath` is the path used in `#sourceLocation`; a frame matches if its file is that
  /// path or ends with `/` + that path (debug info may make it absolute).
  static func parse(_ output: String, sourcePath: String) -> CrashReport {
    var report = CrashReport()
    var inCrashedThread = false
    var sawFrame = false
    for rawLine in output.split(separator: "\n", omittingEmptySubsequences: false) {
      let line = trimmed(rawLine)
      if report.message == nil, let message = fatalMessage(in: line) {
        report.message = message
        report.coreMessage = coreMessage(in: line)
      }
      if line.hasPrefix("Thread ") {
        inCrashedThread = line.hasSuffix("crashed:")
        sawFrame = false
        continue
      }
      // The first blank line after the frames ends the crashed thread's trace.
      if inCrashedThread, line.isEmpty, sawFrame { inCrashedThread = false }
      guard inCrashedThread, report.location == nil, let frame = frameLocation(in: line) else { continue }
      sawFrame = true
      if frame.file == sourcePath || frame.file.hasSuffix("/" + sourcePath) {
        report.location = SourceLocation(file: sourcePath, line: frame.line, column: frame.column)
      }
    }
    return report
  }

  /// `MESSAGE` from lines such as `Swift/Array.swift:692: Fatal error: Index out of range`.
  static func fatalMessage(in line: Substring) -> String? {
    for marker in ["Fatal error", "Precondition failed", "Assertion failed"] {
      guard let range = line.range(of: marker) else { continue }
      let rest = line[range.upperBound...]
      if rest.hasPrefix(": ") { return marker + ": " + rest.dropFirst(2) }
      if rest.isEmpty { return String(marker) }
    }
    return nil
  }

  /// `MESSAGE` from `Interp/FILE.swift:LINE: Fatal error: MESSAGE`, which the core's checks
  /// print in every build (Interp's `check(_:_:)`); nil for any other trap.
  static func coreMessage(in line: Substring) -> String? {
    let marker = ": Fatal error: "
    guard line.hasPrefix("Interp/"), let range = line.range(of: marker) else { return nil }
    let head = line[..<range.lowerBound]
    guard let colon = head.lastIndex(of: ":"), Int(head[head.index(after: colon)...]) != nil,
      head[..<colon].hasSuffix(".swift")
    else { return nil }
    return String(line[range.upperBound...])
  }

  /// The `PATH:LINE:COLUMN` that ends a backtrace frame line, if any.
  static func frameLocation(in line: Substring) -> (file: String, line: Int, column: Int)? {
    guard let first = line.first, first.isNumber, let atRange = line.range(of: " at ", options: .backwards)
    else { return nil }
    let location = line[atRange.upperBound...]
    let parts = location.split(separator: ":", omittingEmptySubsequences: false)
    guard parts.count >= 3, let column = Int(parts[parts.count - 1]), let lineNumber = Int(parts[parts.count - 2])
    else { return nil }
    let file = parts[0..<(parts.count - 2)].joined(separator: ":")
    return (file, lineNumber, column)
  }

  private static func trimmed(_ text: Substring) -> Substring {
    var result = text
    while let first = result.first, first.isWhitespace { result = result.dropFirst() }
    while let last = result.last, last.isWhitespace { result = result.dropLast() }
    return result
  }
}
