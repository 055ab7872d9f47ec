import Foundation

/// Student's t distribution with `degreesOfFreedom` ν > 0 (not necessarily an integer).
///
/// The distribution function comes from the regularized incomplete beta function:
/// for t >= 0 the upper tail is P(T > t) = I_{ν/(ν+t²)}(ν/2, 1/2) / 2. Both tails are computed
/// directly rather than as 1 − the other, so small tail probabilities keep their relative
/// precision. The quantile inverts the tail by safeguarded Newton iteration on its logarithm
/// inside a bracket that always contains the root, so it converges for every ν and p.
public struct StudentT: Sendable, Hashable {
  /// ν, the degrees of freedom.
  public let degreesOfFreedom: Double

  /// A t distribution with ν degrees of freedom; ν must be positive for the methods to return
  /// numbers (they return NaN otherwise).
  public init(degreesOfFreedom: Double) {
    self.degreesOfFreedom = degreesOfFreedom
  }

  private var isValid: Bool { degreesOfFreedom > 0 && !degreesOfFreedom.isNaN }

  /// The probability density at `t`.
  public func density(_ t: Double) -> Double {
    guard isValid, !t.isNaN else { return .nan }
    let v = degreesOfFreedom
    if v.isInfinite { return exp(-t * t / 2) / (2 * Double.pi).squareRoot() }
    let logNorm = -0.5 * log(v) - SpecialFunctions.logBeta(v / 2, 0.5)
    return exp(logNorm - (v + 1) / 2 * log1p(t * t / v))
  }

  /// P(T > t), the upper tail (scipy's `sf`).
  public func survival(_ t: Double) -> Double {
    guard isValid, !t.isNaN else { return .nan }
    if t == 0 { return 0.5 }
    let tail = smallerTail(abs(t))
    return t > 0 ? tail : 1 - tail
  }

  /// P(T <= t), the distribution function.
  public func cdf(_ t: Double) -> Double {
    guard isValid, !t.isNaN else { return .nan }
    if t == 0 { return 0.5 }
    let tail = smallerTail(abs(t))
    return t < 0 ? tail : 1 - tail
  }

  /// The inverse of `cdf` (scipy's `ppf`): the t with P(T <= t) = p.
  ///
  /// Returns −∞ for p = 0, +∞ for p = 1, NaN outside [0, 1]. For p > 1/2 the tail 1 − p is
  /// exact in floating point (Sterbenz), so no precision is lost by reflecting.
  public func quantile(_ p: Double) -> Double {
    guard isValid, p >= 0, p <= 1 else { return .nan }
    if p == 0 { return -.infinity }
    if p == 1 { return .infinity }
    if p == 0.5 { return 0 }
    return p < 0.5 ? -tailQuantile(p) : tailQuantile(1 - p)
  }

  /// P(T > t) for t > 0.
  private func smallerTail(_ t: Double) -> Double {
    let v = degreesOfFreedom
    if v.isInfinite { return 0.5 * erfc(t / 2.0.squareRoot()) }
    // x = ν/(ν+t²) and 1 − x = t²/(ν+t²), each formed without subtraction.
    let denominator = v + t * t
    let x = v / denominator
    let y = t * t / denominator
    return 0.5 * SpecialFunctions.regularizedIncompleteBeta(x, complement: y, a: v / 2, b: 0.5)
  }

  /// The t > 0 whose upper tail is q, for 0 < q < 1/2.
  private func tailQuantile(_ q: Double) -> Double {
    // Bracket the root: the tail falls from 1/2 at 0 towards 0, so double until it is below q.
    var lower = 0.0
    var upper = 1.0
    while smallerTail(upper) > q {
      lower = upper
      upper *= 2
      if upper.isInfinite { return .infinity }
    }
    let target = log(q)
    var t = initialGuess(q, lower: lower, upper: upper)
    for _ in 0..<200 {
      let tail = smallerTail(t)
      let f = log(tail) - target
      if f == 0 { return t }
      if f > 0 { lower = t } else { upper = t }
      // Newton on log tail: d/dt log P(T > t) = −density / tail.
      let slope = -density(t) / tail
      var next = t - f / slope
      if !(next > lower && next < upper) || !next.isFinite {
        // Outside the bracket: bisect, geometrically when the bracket spans orders of magnitude.
        next = lower > 0 && upper / lower > 4 ? (lower * upper).squareRoot() : (lower + upper) / 2
      }
      if abs(next - t) <= 1e-15 * abs(t) { return next }
      t = next
      if upper - lower <= 1e-15 * upper { return t }
    }
    return t
  }

  /// A starting point: exact for ν = 1 and ν = 2, otherwise the bracket's midpoint.
  private func initialGuess(_ q: Double, lower: Double, upper: Double) -> Double {
    if degreesOfFreedom == 1 {
      let guess = 1 / tan(Double.pi * q)
      if guess > lower && guess < upper { return guess }
    } else if degreesOfFreedom == 2 {
      let guess = (1 - 2 * q) / (2 * q * (1 - q)).squareRoot()
      if guess > lower && guess < upper { return guess }
    }
    return (lower + upper) / 2
  }
}
