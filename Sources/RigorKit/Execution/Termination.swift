import Foundation

/// How the child process ended.
public enum Termination: Sendable, Codable, Hashable, CustomStringConvertible {
  /// It exited with this status.
  case exited(Int32)
  /// A signal ended it (under bubblewrap, recovered from the `128 + signal` exit status).
  case signaled(Int32)

  public var description: String {
    switch self {
    case .exited(let code): return "exit status \(code)"
    case .signaled(let signal): return "signal \(signal) (\(SignalNames.name(signal)))"
    }
  }
}
