import Foundation

/// Names and plain words for the signals that end crashed programs.
enum SignalNames {
  static func name(_ signal: Int32) -> String {
    switch signal {
    case SIGILL: return "SIGILL"
    case SIGTRAP: return "SIGTRAP"
    case SIGABRT: return "SIGABRT"
    case SIGBUS: return "SIGBUS"
    case SIGFPE: return "SIGFPE"
    case SIGKILL: return "SIGKILL"
    case SIGSEGV: return "SIGSEGV"
    case SIGPIPE: return "SIGPIPE"
    case SIGTERM: return "SIGTERM"
    case SIGINT: return "SIGINT"
    case SIGXCPU: return "SIGXCPU"
    case SIGXFSZ: return "SIGXFSZ"
    default: return "signal \(signal)"
    }
  }

  /// What the signal usually means for a Swift program, as a verb phrase ("trapped").
  static func explanation(_ signal: Int32) -> String {
    switch signal {
    case SIGILL, SIGTRAP: return "trapped (a Swift runtime error)"
    case SIGABRT: return "aborted (SIGABRT)"
    case SIGSEGV: return "crashed with a segmentation fault (SIGSEGV)"
    case SIGBUS: return "crashed with a bus error (SIGBUS)"
    case SIGFPE: return "crashed with an arithmetic error (SIGFPE)"
    case SIGKILL: return "was killed (SIGKILL), usually by the kernel's out-of-memory killer"
    default: return "was ended by \(name(signal))"
    }
  }
}
