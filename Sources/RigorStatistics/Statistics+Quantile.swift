extension Statistics {
  /// The q-quantile of a sample by numpy's default (`method="linear"`, Hyndman & Fan type 7).
  ///
  /// With the sorted sample x₀ <= … <= x_{n−1} and h = (n − 1) q, the result is
  /// x_⌊h⌋ + (h − ⌊h⌋)(x_⌊h⌋+1 − x_⌊h⌋). NaN for an empty sample or q outside [0, 1].
  public static func quantile(_ x: [Double], _ q: Double) -> Double {
    quantiles(x, [q])[0]
  }

  /// Several quantiles of one sample, sorting it once.
  public static func quantiles(_ x: [Double], _ qs: [Double]) -> [Double] {
    let sorted = x.sorted()
    return qs.map { sortedQuantile(sorted, $0) }
  }

  /// The median (the 0.5 quantile).
  public static func median(_ x: [Double]) -> Double {
    quantile(x, 0.5)
  }

  static func sortedQuantile(_ sorted: [Double], _ q: Double) -> Double {
    guard !sorted.isEmpty, q >= 0, q <= 1 else { return .nan }
    let h = Double(sorted.count - 1) * q
    let below = Int(h.rounded(.down))
    let above = min(below + 1, sorted.count - 1)
    let fraction = h - Double(below)
    // numpy's lerp: from the nearer end, so the result is exact at both sample points.
    let a = sorted[below]
    let b = sorted[above]
    if fraction == 0 { return a }
    return fraction >= 0.5 ? b - (b - a) * (1 - fraction) : a + (b - a) * fraction
  }
}
