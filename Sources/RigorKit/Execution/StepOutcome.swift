/// One step of one seed.
public struct StepOutcome: Sendable, Codable {
  public var index: Int
  /// The Markdown line of the step's fence.
  public var line: Int
  public var status: StepStatus
  /// Seconds from the step's start to its end (or to the process's end); nil when skipped.
  public var seconds: Double?
  /// stdout and stderr interleaved as they arrived, capped (see `droppedOutputBytes`).
  public var output: String
  /// Bytes left out of the middle of `output` because of the cap.
  public var droppedOutputBytes: Int
}
