import Foundation

/// Descriptive and inferential statistics on plain arrays, shared by experiments and the judge.
///
/// Everything here is deterministic: randomized procedures take an explicit seed and draw from
/// `SplitMix64`. Functions of one sample return NaN where the statistic is undefined (the mean
/// of nothing, the deviation of one value), as numpy does; functions of paired samples throw
/// `StatisticsError` when the pairs do not line up, since that is a mistake in the caller.
public enum Statistics {
  /// The arithmetic mean; NaN for an empty sample.
  public static func mean(_ x: [Double]) -> Double {
    guard !x.isEmpty else { return .nan }
    return x.reduce(0, +) / Double(x.count)
  }

  /// The arithmetic mean of other floating-point values (e.g. `Float`), accumulated in double
  /// precision. Generic so that array literals pick the `Double` overload.
  public static func mean<T: BinaryFloatingPoint>(_ x: [T]) -> Double {
    mean(x.map { Double($0) })
  }

  /// The sample variance with Bessel's correction (divides by N − 1); NaN when N < 2.
  ///
  /// Two passes (mean first, then squared deviations) so a large common offset does not
  /// swamp the deviations.
  public static func sampleVariance(_ x: [Double]) -> Double {
    guard x.count >= 2 else { return .nan }
    let m = mean(x)
    let squares = x.reduce(0) { $0 + ($1 - m) * ($1 - m) }
    return squares / Double(x.count - 1)
  }

  /// The sample standard deviation with Bessel's correction (numpy `std(ddof=1)`); NaN when N < 2.
  public static func sampleStandardDeviation(_ x: [Double]) -> Double {
    sampleVariance(x).squareRoot()
  }

  /// The sample standard deviation of other floating-point values, in double precision.
  public static func sampleStandardDeviation<T: BinaryFloatingPoint>(_ x: [T]) -> Double {
    sampleStandardDeviation(x.map { Double($0) })
  }
}
