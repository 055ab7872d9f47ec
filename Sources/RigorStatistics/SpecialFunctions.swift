import Foundation

/// Special functions behind the distributions in `Statistics`.
public enum SpecialFunctions {
  /// The logarithm of the beta function, ln B(a, b) = ln Γ(a) + ln Γ(b) − ln Γ(a + b).
  public static func logBeta(_ a: Double, _ b: Double) -> Double {
    lgamma(a) + lgamma(b) - lgamma(a + b)
  }

  /// The regularized incomplete beta function I_x(a, b), for 0 <= x <= 1 and a, b > 0.
  ///
  /// Returns NaN outside that domain.
  public static func regularizedIncompleteBeta(_ x: Double, a: Double, b: Double) -> Double {
    regularizedIncompleteBeta(x, complement: 1 - x, a: a, b: b)
  }

  /// I_x(a, b) given both x and 1 − x, so a caller that knows 1 − x more accurately than the
  /// subtraction would give (the t distribution near its centre) loses no digits.
  static func regularizedIncompleteBeta(
    _ x: Double, complement y: Double, a: Double, b: Double
  ) -> Double {
    guard a > 0, b > 0, x >= 0, y >= 0, x <= 1, y <= 1, a.isFinite, b.isFinite else {
      return .nan
    }
    if x == 0 { return 0 }
    if y == 0 { return 1 }
    // The continued fraction converges fast only left of the mean of Beta(a, b); right of it
    // the symmetry I_x(a, b) = 1 − I_{1−x}(b, a) moves the evaluation there.
    if x > (a + 1) / (a + b + 2) {
      return 1 - regularizedIncompleteBeta(y, complement: x, a: b, b: a)
    }
    let logFront = a * log(x) + b * log(y) - logBeta(a, b)
    return exp(logFront) / a * continuedFraction(x, a: a, b: b)
  }

  /// The continued fraction of I_x(a, b) (DLMF 8.17.22), evaluated with the modified Lentz method.
  ///
  /// The even and odd coefficients are
  /// d_{2m} = m (b − m) x / ((a + 2m − 1)(a + 2m)) and
  /// d_{2m+1} = −(a + m)(a + b + m) x / ((a + 2m)(a + 2m + 1)),
  /// and the fraction is 1 / (1 + d_1 / (1 + d_2 / (1 + ...))).
  private static func continuedFraction(_ x: Double, a: Double, b: Double) -> Double {
    let tiny = 1e-300
    let epsilon = 1e-16
    // f = 1 / (1 + d1 / (1 + d2 / ...)): start Lentz with b0 = 0 represented by `tiny`.
    var c = 1.0
    var d = 1.0 + coefficient(1, x: x, a: a, b: b)
    d = abs(d) < tiny ? 1 / tiny : 1 / d
    var f = d
    for n in 2...10_000 {
      let dn = coefficient(n, x: x, a: a, b: b)
      d = 1 + dn * d
      d = abs(d) < tiny ? 1 / tiny : 1 / d
      c = 1 + dn / c
      if abs(c) < tiny { c = tiny }
      let delta = c * d
      f *= delta
      if abs(delta - 1) < epsilon { break }
    }
    return f
  }

  private static func coefficient(_ n: Int, x: Double, a: Double, b: Double) -> Double {
    let m = Double(n / 2)
    if n % 2 == 0 {
      return m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m))
    }
    return -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1))
  }
}
