import Foundation

extension Statistics {
  /// The two-sided Student-t interval of the mean: mean ± t((1+level)/2, N−1) · sd / √N.
  ///
  /// `sd` is the sample standard deviation (N − 1). This is the interval docs/JUDGING.md uses for
  /// every claim; it equals scipy's `stats.ttest_1samp(x, 0).confidence_interval(level)`.
  /// With N < 2 the width is undefined and both bounds are NaN. A sample whose values are all
  /// equal gives a zero-width interval at the mean, which is an ordinary interval.
  public static func tInterval(_ x: [Double], level: Double = 0.95) -> ConfidenceInterval {
    let m = mean(x)
    guard x.count >= 2, level > 0, level < 1 else {
      return ConfidenceInterval(estimate: m, lower: .nan, upper: .nan, level: level)
    }
    let n = Double(x.count)
    let sd = sampleStandardDeviation(x)
    let t = StudentT(degreesOfFreedom: n - 1).quantile((1 + level) / 2)
    let halfWidth = t * sd / n.squareRoot()
    return ConfidenceInterval(estimate: m, lower: m - halfWidth, upper: m + halfWidth, level: level)
  }

  /// The quantile p of Student's t with ν degrees of freedom (scipy `stats.t.ppf(p, ν)`).
  public static func tQuantile(_ p: Double, degreesOfFreedom: Double) -> Double {
    StudentT(degreesOfFreedom: degreesOfFreedom).quantile(p)
  }
}
