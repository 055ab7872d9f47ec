/// One step's outcome in one seed.
public struct SeedStepDocument: Codable, Sendable, Equatable {
  public var index: Int
  public var status: StepStatus
  public var seconds: Double
  /// What the step printed (stdout and stderr as they arrived), its head and tail when long;
  /// absent when it printed nothing.
  public var output: String?
  /// Bytes left out of the middle of `output`.
  public var outputDroppedBytes: Int?

  public init(index: Int, status: StepStatus, seconds: Double, output: String? = nil, outputDroppedBytes: Int? = nil) {
    self.index = index
    self.status = status
    self.seconds = seconds
    self.output = output
    self.outputDroppedBytes = outputDroppedBytes
  }

  enum CodingKeys: String, CodingKey {
    case index, status, seconds, output
    case outputDroppedBytes = "output_dropped_bytes"
  }
}
