extension Statistics {
  /// The percentile bootstrap interval of a statistic (default: the mean), seeded.
  ///
  /// Draws `resamples` samples of size N with replacement, computes the statistic on each,
  /// and returns numpy-linear quantiles (1 − level)/2 and (1 + level)/2 of those values. Each
  /// index is ⌊u · N / 2^64⌋ for successive outputs u of `SplitMix64(seed:)` (the high word of
  /// the full-width product; its bias is below N / 2^64). The judge does not use this: at N = 5
  /// the percentile bootstrap covers about 84%, not 95% (docs/JUDGING.md).
  public static func bootstrapInterval(
    _ x: [Double], level: Double = 0.95, resamples: Int = 10_000, seed: UInt64,
    statistic: ([Double]) -> Double = { Statistics.mean($0) }
  ) -> ConfidenceInterval {
    let estimate = statistic(x)
    guard !x.isEmpty, resamples > 0, level > 0, level < 1 else {
      return ConfidenceInterval(estimate: estimate, lower: .nan, upper: .nan, level: level)
    }
    var rng = SplitMix64(seed: seed)
    let n = UInt64(x.count)
    var values = [Double]()
    values.reserveCapacity(resamples)
    var sample = [Double](repeating: 0, count: x.count)
    for _ in 0..<resamples {
      for i in 0..<x.count {
        sample[i] = x[Int(rng.next().multipliedFullWidth(by: n).high)]
      }
      values.append(statistic(sample))
    }
    let bounds = quantiles(values, [(1 - level) / 2, (1 + level) / 2])
    return ConfidenceInterval(estimate: estimate, lower: bounds[0], upper: bounds[1], level: level)
  }
}
