/// The outcome of a one-sided sign-flip permutation test of mean(d) > 0.
public struct SignFlipResult: Sendable, Hashable, Codable {
  /// The p-value: `count / patterns` when exact, `(1 + count) / (1 + patterns)` when sampled.
  public var p: Double
  /// How many sign patterns gave a mean at least the observed one (ties count).
  public var count: Int
  /// How many sign patterns were examined: 2^N when exact, else the number drawn.
  public var patterns: Int
  /// Whether every pattern was enumerated (N <= the exact limit) rather than sampled.
  public var exact: Bool
  /// The observed mean of d.
  public var observedMean: Double

  public init(p: Double, count: Int, patterns: Int, exact: Bool, observedMean: Double) {
    self.p = p
    self.count = count
    self.patterns = patterns
    self.exact = exact
    self.observedMean = observedMean
  }
}
