/// What one seed's run left behind, as the judge needs it.
public struct SeedEvidence: Hashable, Sendable, Codable {
  public var seed: Int
  public var status: SeedStatus
  /// Scalars recorded with `record(_:_:)`, by name. For a seed that did not finish, whatever
  /// it recorded before stopping (the judge drops it).
  public var metrics: [String: Double]
  /// Data splits declared with `split(_:ids:)`, by name.
  public var splits: [String: [Int]]
  /// The split each metric was recorded on (`record(_:_:on:)`), by metric name; a metric
  /// recorded without a split is absent.
  public var metricSplits: [String: String]
  /// Checkpoints loaded with `checkpoint(_:)`, as the runner verified them.
  public var checkpoints: [CheckpointEvidence]

  public init(
    seed: Int, status: SeedStatus, metrics: [String: Double] = [:], splits: [String: [Int]] = [:],
    metricSplits: [String: String] = [:], checkpoints: [CheckpointEvidence] = []
  ) {
    self.seed = seed
    self.status = status
    self.metrics = metrics
    self.splits = splits
    self.metricSplits = metricSplits
    self.checkpoints = checkpoints
  }
}
