/// One seed's process: its status, time, memory and per-step outcome.
public struct SeedRunDocument: Codable, Sendable, Equatable {
  public var seed: Int
  public var status: SeedStatus
  public var seconds: Double
  public var peakMemoryBytes: Int
  public var blasThreads: Int?
  public var steps: [SeedStepDocument]
  /// Checkpoints the seed loaded, as the runner verified them (nil in results older than them).
  public var checkpoints: [CheckpointDocument]?

  public init(seed: Int, status: SeedStatus, seconds: Double, peakMemoryBytes: Int, blasThreads: Int?, steps: [SeedStepDocument]) {
    self.seed = seed
    self.status = status
    self.seconds = seconds
    self.peakMemoryBytes = peakMemoryBytes
    self.blasThreads = blasThreads
    self.steps = steps
  }

  enum CodingKeys: String, CodingKey {
    case seed, status, seconds, steps, checkpoints
    case peakMemoryBytes = "peak_memory_bytes"
    case blasThreads = "blas_threads"
  }
}
