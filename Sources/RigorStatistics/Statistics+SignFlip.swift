extension Statistics {
  /// The largest N for which `signFlipTest` enumerates all 2^N patterns (docs/JUDGING.md).
  public static let signFlipExactLimit = 20
  /// The number of random patterns drawn above the exact limit (docs/JUDGING.md).
  public static let signFlipRandomPatterns = 100_000

  /// The one-sided sign-flip permutation test of mean(d) > 0, seeded as docs/JUDGING.md specifies.
  ///
  /// The seed of the sampled version is the FNV-1a 64-bit hash of `id`'s UTF-8 bytes.
  public static func signFlipTest(_ d: [Double], id: String) -> SignFlipResult {
    signFlipTest(d, seed: FNV1a.hash64(id))
  }

  /// The one-sided sign-flip permutation test of mean(d) > 0.
  ///
  /// Under the null hypothesis each d_i is symmetric about zero, so every assignment of signs
  /// is equally likely. The p-value is the share of sign patterns whose mean is at least the
  /// observed mean, ties included. For N <= `exactLimit` all 2^N patterns are enumerated
  /// (p >= 1/2^N, so N = 4 can never reach p < 0.05). Above it, `randomPatterns` patterns are
  /// drawn from `SplitMix64(seed:)`, each taking N successive outputs with a − sign where the
  /// output's top bit is 1, and p = (1 + count) / (1 + randomPatterns).
  ///
  /// Sums that differ by no more than 1e-12 · Σ|d_i| count as ties: rounding in a sum of N
  /// terms is below N · 2^−53 · Σ|d_i|, so mathematically equal patterns (a zero d_i, repeated
  /// values) are not split by the order of additions. An empty d gives p = 1; a non-finite
  /// d_i gives p = NaN. `exactLimit` is capped at 30.
  public static func signFlipTest(
    _ d: [Double], seed: UInt64, exactLimit: Int = signFlipExactLimit,
    randomPatterns: Int = signFlipRandomPatterns
  ) -> SignFlipResult {
    let observedSum = d.reduce(0, +)
    let observedMean = d.isEmpty ? 0 : observedSum / Double(d.count)
    guard d.allSatisfy(\.isFinite) else {
      return SignFlipResult(p: .nan, count: 0, patterns: 0, exact: true, observedMean: .nan)
    }
    guard !d.isEmpty else {
      return SignFlipResult(p: 1, count: 1, patterns: 1, exact: true, observedMean: 0)
    }
    let threshold = observedSum - 1e-12 * d.reduce(0) { $0 + abs($1) }
    // Enumeration is capped at 2^30 patterns whatever the caller asks, to bound memory and time.
    if d.count <= min(exactLimit, 30) {
      let count = exactCount(d, atLeast: threshold)
      let patterns = 1 << d.count
      return SignFlipResult(
        p: Double(count) / Double(patterns), count: count, patterns: patterns, exact: true,
        observedMean: observedMean)
    }
    var rng = SplitMix64(seed: seed)
    var count = 0
    for _ in 0..<randomPatterns {
      var sum = 0.0
      for value in d {
        sum += rng.next() >> 63 == 1 ? -value : value
      }
      if sum >= threshold { count += 1 }
    }
    return SignFlipResult(
      p: Double(1 + count) / Double(1 + randomPatterns), count: count, patterns: randomPatterns,
      exact: false, observedMean: observedMean)
  }

  /// The number of the 2^N sign patterns whose sum is >= `threshold`, by meeting in the
  /// middle: all sums of the first half, all sums of the second half sorted, then one binary
  /// search per first-half sum. 2 · 2^(N/2) work instead of 2^N.
  private static func exactCount(_ d: [Double], atLeast threshold: Double) -> Int {
    let half = d.count / 2
    let left = signedSums(Array(d[..<half]))
    let right = signedSums(Array(d[half...])).sorted()
    var count = 0
    for a in left {
      // Right sums b with a + b >= threshold: the first index where b >= threshold − a.
      let needed = threshold - a
      var low = 0
      var high = right.count
      while low < high {
        let mid = (low + high) / 2
        if right[mid] >= needed { high = mid } else { low = mid + 1 }
      }
      count += right.count - low
    }
    return count
  }

  /// Σ ±x_i for every one of the 2^n sign patterns, each summed in index order.
  private static func signedSums(_ x: [Double]) -> [Double] {
    (0..<(1 << x.count)).map { mask in
      var sum = 0.0
      for (i, value) in x.enumerated() {
        sum += mask & (1 << i) != 0 ? -value : value
      }
      return sum
    }
  }
}
