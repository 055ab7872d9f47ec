/// A metric recorded by a step.
public struct RecordedMetric: Sendable, Codable, Hashable {
  public var name: String
  public var value: Double
  public var step: Int
  /// The split the value was computed on (`record(_:_:on:)`), nil when none was named.
  public var split: String? = nil
}
