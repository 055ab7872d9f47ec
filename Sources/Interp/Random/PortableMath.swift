/// Elementary functions in plain Swift arithmetic, identical on every platform.
///
/// Platform `libm` implementations may differ in the last bit between systems. The random
/// generator's normal draws must not, so they use these routines: range reduction by exact
/// operations on the binary exponent or on a dyadic fraction, then fixed-degree series. Each
/// is accurate to a few units in the last place of a `Double`, which is far below `Float`
/// resolution.
public enum PortableMath {
  /// Natural logarithm of a positive, finite `x`.
  ///
  /// Writes `x = m·2ᵉ` with `m ∈ [√½, √2)`, then `ln m = 2·atanh(s)` with `s = (m−1)/(m+1)`,
  /// `|s| < 0.172`, summed as an odd series up to `s²³`.
  public static func log(_ x: Double) -> Double {
    check(x > 0 && x.isFinite, "PortableMath.log: argument must be positive and finite, got \(x)")
    var e = Int(x.exponent)
    var m = x.significand  // in [1, 2)
    if m > 1.4142135623730951 {
      m *= 0.5
      e += 1
    }
    let s = (m - 1) / (m + 1)
    let s2 = s * s
    var term = 1.0 / 23.0
    var k = 21.0
    while k >= 1 {
      term = term * s2 + 1.0 / k
      k -= 2
    }
    let ln2 = 0.6931471805599453
    return 2 * s * term + Double(e) * ln2
  }

  /// `(sin(2πu), cos(2πu))` for `u ∈ [0, 1)`.
  ///
  /// The quadrant and the reflection to `[0, π/4]` are taken on `u` itself, which is exact for
  /// dyadic `u`; the remaining angle goes through Taylor series to degree 21.
  public static func sinCosTwoPi(_ u: Double) -> (sin: Double, cos: Double) {
    let scaled = u * 8  // octants; exact for dyadic u
    let octant = Int(scaled)
    var f = scaled - Double(octant)  // in [0, 1)
    let odd = octant & 1 == 1
    if odd { f = 1 - f }
    let theta = f * (Double.pi / 4)
    let (s, c) = sinCosSmall(theta)
    // On odd octants the reflected angle swaps sine and cosine.
    let (a, b) = odd ? (c, s) : (s, c)
    switch octant {
    case 0, 1: return (a, b)
    case 2, 3: return (b, -a)
    case 4, 5: return (-a, -b)
    default: return (-b, a)
    }
  }

  // Taylor coefficients (-1)^k/(2k+1)! and (-1)^k/(2k)!, k = 0...10, highest first.
  private static let sinCoefficients: [Double] = (0...10).reversed().map {
    factorial(2 * $0 + 1).reciprocal(sign: $0 % 2 == 0)
  }
  private static let cosCoefficients: [Double] = (0...10).reversed().map {
    factorial(2 * $0).reciprocal(sign: $0 % 2 == 0)
  }

  private static func sinCosSmall(_ x: Double) -> (Double, Double) {
    let x2 = x * x
    var sinSum = 0.0
    var cosSum = 0.0
    for i in 0..<11 {
      sinSum = sinSum * x2 + sinCoefficients[i]
      cosSum = cosSum * x2 + cosCoefficients[i]
    }
    return (sinSum * x, cosSum)
  }

  private static func factorial(_ n: Int) -> Double {
    var r = 1.0
    var i = 2
    while i <= n {
      r *= Double(i)
      i += 1
    }
    return r
  }
}

extension Double {
  fileprivate func reciprocal(sign positive: Bool) -> Double { (positive ? 1 : -1) / self }
}
