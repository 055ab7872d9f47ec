/// A Markdown file the prose audit could not read.
public struct ProseAuditError: Error, Hashable, Sendable, CustomStringConvertible {
  /// The path as given to the auditor.
  public var file: String
  /// What went wrong, for humans.
  public var reason: String
  /// The system's own description of the cause, when there is one.
  public var underlying: String?

  public init(file: String, reason: String, underlying: String?) {
    self.file = file
    self.reason = reason
    self.underlying = underlying
  }

  /// As a diagnostic at the top of the file.
  public var diagnostic: Diagnostic {
    Diagnostic(description, at: SourceLocation(file: file, line: 1, column: 1))
  }

  public var description: String {
    "cannot audit \(file): \(reason)" + (underlying.map { " (\($0))" } ?? "")
  }
}
