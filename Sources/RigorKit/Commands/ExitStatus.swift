/// Rigor's exit codes (docs/COMMAND-LINE.md). With several notebooks, the highest code wins.
public enum ExitStatus: Int32, Comparable, Sendable {
  case success = 0
  /// `--min-tier` not met, or `verify` found a mismatch.
  case unmet = 1
  case usage = 2
  /// Parse, front matter, claim schema or parameter errors.
  case invalidNotebook = 3
  case compileError = 4
  /// A step failed or timed out in at least one seed.
  case stepFailed = 5
  /// The result store (git) failed.
  case storeFailed = 6
  /// No working sandbox and no `--no-sandbox`.
  case noSandbox = 7

  public static func < (a: ExitStatus, b: ExitStatus) -> Bool { a.rawValue < b.rawValue }
}

/// An error that ends a command with a given exit status and a message for the user.
public struct CommandFailure: Error, CustomStringConvertible {
  public var status: ExitStatus
  public var message: String

  public init(_ status: ExitStatus, _ message: String) {
    self.status = status
    self.message = message
  }

  public var description: String { message }
}
