/// A metric recorded by a step.
public struct RecordedMetric: Sendable, Codable, Hashable {
  public var name: String
  public var value: Double
  public var step: Int
}
