import Foundation

/// Where a command writes: results to standard output, human chatter to standard error.
///
/// Commands never call `print` directly, so tests capture both streams and the JSON on stdout
/// stays clean.
public final class Console: @unchecked Sendable {
  private let lock = NSLock()
  private let writeOut: (String) -> Void
  private let writeErr: (String) -> Void
  /// True when standard error is a terminal: colours and live progress lines are allowed.
  public let isInteractive: Bool

  public init(
    isInteractive: Bool = false, out: @escaping (String) -> Void, err: @escaping (String) -> Void
  ) {
    self.isInteractive = isInteractive
    self.writeOut = out
    self.writeErr = err
  }

  /// The process's own standard output and error.
  public static func standard() -> Console {
    Console(
      isInteractive: isatty(STDERR_FILENO) != 0 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil,
      out: { FileHandle.standardOutput.write(Data($0.utf8)) },
      err: { FileHandle.standardError.write(Data($0.utf8)) })
  }

  /// Writes a line of results to standard output, control characters escaped
  /// (``TerminalText``).
  public func out(_ line: String) {
    let safe = TerminalText.render(line, keepingColour: isInteractive)
    lock.withLock { writeOut(safe.hasSuffix("\n") ? safe : safe + "\n") }
  }

  /// Writes a line of chatter (progress, diagnostics) to standard error, control characters
  /// escaped (``TerminalText``).
  public func err(_ line: String) {
    let safe = TerminalText.render(line, keepingColour: isInteractive)
    lock.withLock { writeErr(safe.hasSuffix("\n") ? safe : safe + "\n") }
  }

  /// Writes raw text to standard error (live progress lines that redraw themselves). Only the
  /// runner's own cursor movements may reach it: callers escape everything else with
  /// ``TerminalText/escape(_:)``.
  public func errRaw(_ text: String) { lock.withLock { writeErr(text) } }

  /// Wraps `text` in an ANSI colour when writing to a terminal; the colour survives the
  /// console's escaping, an escape sequence inside `text` does not.
  public func colored(_ text: String, _ code: Int) -> String {
    isInteractive ? TerminalText.coloured(text, code: code) : text
  }
}
