/// What happened when one seed ran: its status, time, memory, each step, what it recorded
/// and the errors, located in the notebook.
///
/// Statuses are honest: a step is `ok` only if its end was seen; the step running when the
/// process failed is `failed` (or `timed_out`) and every later step is `skipped`.
public struct SeedOutcome: Sendable, Codable {
  public enum Status: String, Sendable, Codable {
    case ok, failed
    case timedOut = "timed_out"
  }

  public var seed: Int
  public var status: Status
  /// Wall time from start to exit, in seconds.
  public var seconds: Double
  /// Peak resident memory of the process (and its children), from `wait4`'s `ru_maxrss`.
  public var peakMemoryBytes: Int
  /// How the process ended.
  public var termination: Termination
  public var sandboxed: Bool
  public var blasThreads: Int
  /// One entry per step of the launch, in order.
  public var steps: [StepOutcome]
  /// Metrics in the order they were recorded.
  public var metrics: [RecordedMetric]
  /// Declared splits: name to ids.
  public var splits: [String: [Int]]
  /// Figures and artifacts the program wrote, in order.
  public var files: [WrittenFile]
  /// Errors at notebook locations, each with the step it belongs to.
  public var errors: [StepError]

  /// Metric values by name.
  public var metricValues: [String: Double] {
    Dictionary(metrics.map { ($0.name, $0.value) }, uniquingKeysWith: { first, _ in first })
  }
}

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

/// One step of one seed.
public struct StepOutcome: Sendable, Codable {
  public enum Status: String, Sendable, Codable {
    case ok, failed, skipped
    case timedOut = "timed_out"
  }

  public var index: Int
  /// The Markdown line of the step's fence.
  public var line: Int
  public var status: Status
  /// Seconds from the step's start to its end (or to the process's end); nil when skipped.
  public var seconds: Double?
  /// stdout and stderr interleaved as they arrived, capped (see `droppedOutputBytes`).
  public var output: String
  /// Bytes left out of the middle of `output` because of the cap.
  public var droppedOutputBytes: Int
}

/// A metric recorded by a step.
public struct RecordedMetric: Sendable, Codable, Hashable {
  public var name: String
  public var value: Double
  public var step: Int
}

/// A figure or artifact the program wrote under the seed's output folder.
public struct WrittenFile: Sendable, Codable, Hashable {
  public enum Kind: String, Sendable, Codable { case figure, artifact }

  public var kind: Kind
  public var name: String
  /// Path relative to the seed's output folder, e.g. `figures/loss.svg`.
  public var path: String
  public var bytes: Int
  public var step: Int
}

/// An error of a seed, located in the notebook, with the step it happened in (nil when the
/// program failed before its first step, e.g. on a bad parameter).
public struct StepError: Sendable, Codable, Hashable {
  public var step: Int?
  public var diagnostic: Diagnostic
}
