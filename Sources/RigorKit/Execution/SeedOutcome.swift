/// What happened when one seed ran: its status, time, memory, each step, what it recorded
/// and the errors, located in the notebook.
///
/// Statuses are honest: a step is `ok` only if its end was seen; the step running when the
/// process failed is `failed` (or `timed_out`) and every later step is `skipped`.
public struct SeedOutcome: Sendable, Codable {
  public var seed: Int
  public var status: SeedStatus
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
  /// Checkpoints the program said it loaded (unverified: the runner checks them).
  public var checkpoints: [ReportedCheckpoint] = []

  /// The split each metric was recorded on, for metrics recorded with one.
  public var metricSplits: [String: String] {
    Dictionary(metrics.compactMap { m in m.split.map { (m.name, $0) } }, uniquingKeysWith: { first, _ in first })
  }

  /// Metric values by name.
  public var metricValues: [String: Double] {
    Dictionary(metrics.map { ($0.name, $0.value) }, uniquingKeysWith: { first, _ in first })
  }
}
