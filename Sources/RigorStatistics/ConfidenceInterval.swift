/// A two-sided interval estimate of a mean, with the numbers that produced it.
public struct ConfidenceInterval: Sendable, Hashable, Codable {
  /// The point estimate (the sample mean).
  public var estimate: Double
  /// The lower bound.
  public var lower: Double
  /// The upper bound.
  public var upper: Double
  /// The nominal coverage, e.g. 0.95.
  public var level: Double

  public init(estimate: Double, lower: Double, upper: Double, level: Double) {
    self.estimate = estimate
    self.lower = lower
    self.upper = upper
    self.level = level
  }

  /// The interval's width, `upper − lower`.
  public var width: Double { upper - lower }
}
