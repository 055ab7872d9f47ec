/// The project's portable pseudo-random generator: xoshiro256** (Blackman & Vigna 2018).
///
/// Every random number in `Interp` comes from this type; nothing reads the system generator.
/// The algorithm is fixed and uses only wrapping integer arithmetic and IEEE-754 operations
/// without fused multiply-add, so the same seed gives bit-identical numbers on every machine:
///
/// - **Seeding.** The 256-bit state is filled with four consecutive outputs of `SplitMix64`
///   started at `seed`, as the xoshiro authors recommend (a state of all zeros is impossible).
/// - **Step.** `result = rotl(s1 &* 5, 7) &* 9`; then `t = s1 << 17`, `s2 ^= s0`, `s3 ^= s1`,
///   `s1 ^= s2`, `s0 ^= s3`, `s2 ^= t`, `s3 = rotl(s3, 45)`.
/// - **Uniform floats.** ``nextFloat()`` takes the top 24 bits times 2⁻²⁴ (in `[0, 1)`);
///   ``nextDouble()`` the top 53 bits times 2⁻⁵³.
/// - **Normals.** ``nextNormal()`` uses the Box–Muller transform with
///   `u1 = (top 53 bits + 1)·2⁻⁵³ ∈ (0, 1]` and `u2 = top 53 bits·2⁻⁵³`, giving
///   `sqrt(-2 ln u1)·cos(2π u2)` and then, on the next call, `sqrt(-2 ln u1)·sin(2π u2)`.
///   The logarithm, sine and cosine are ``PortableMath`` routines written in plain Swift
///   arithmetic, so they do not depend on the platform's libm.
/// - **Integers.** ``nextInt(below:)`` uses Lemire's multiply-shift method with rejection,
///   which is unbiased and consumes a deterministic number of draws for a given stream.
/// - **Streams.** ``jump()`` advances by 2¹²⁸ steps (the published jump polynomial), and
///   ``split()`` returns such a non-overlapping sub-stream, for independent per-use generators.
///
/// ```swift
/// var rng = Xoshiro256(seed: 42)
/// let x = Tensor.randn([2, 3], using: &rng)
/// ```
public struct Xoshiro256: RandomNumberGenerator, Sendable {
  /// The four 64-bit state words.
  public private(set) var state: (UInt64, UInt64, UInt64, UInt64)
  private var spareNormal: Double?

  /// Creates a generator whose state is four SplitMix64 outputs from `seed`.
  public init(seed: UInt64) {
    var sm = SplitMix64(seed: seed)
    state = (sm.next(), sm.next(), sm.next(), sm.next())
  }

  @inline(__always) private static func rotl(_ x: UInt64, _ k: UInt64) -> UInt64 {
    (x << k) | (x >> (64 &- k))
  }

  /// Advances the state and returns the next 64 random bits.
  @inline(__always)
  public mutating func next() -> UInt64 {
    let result = Self.rotl(state.1 &* 5, 7) &* 9
    let t = state.1 << 17
    state.2 ^= state.0
    state.3 ^= state.1
    state.1 ^= state.2
    state.0 ^= state.3
    state.2 ^= t
    state.3 = Self.rotl(state.3, 45)
    return result
  }

  /// A uniform `Float` in `[0, 1)` with 24 random bits.
  @inline(__always)
  public mutating func nextFloat() -> Float {
    Float(next() >> 40) * 0x1p-24
  }

  /// A uniform `Double` in `[0, 1)` with 53 random bits.
  @inline(__always)
  public mutating func nextDouble() -> Double {
    Double(next() >> 11) * 0x1p-53
  }

  /// A uniform integer in `0..<bound` (Lemire's unbiased multiply-shift with rejection).
  public mutating func nextInt(below bound: Int) -> Int {
    check(bound > 0, "Xoshiro256.nextInt(below:): bound must be positive, got \(bound)")
    let b = UInt64(bound)
    var m = next().multipliedFullWidth(by: b)
    if m.low < b {
      let threshold = (0 &- b) % b
      while m.low < threshold { m = next().multipliedFullWidth(by: b) }
    }
    return Int(m.high)
  }

  /// A standard normal `Double` (Box–Muller with portable log/sin/cos; see the type docs).
  public mutating func nextNormal() -> Double {
    if let spare = spareNormal {
      spareNormal = nil
      return spare
    }
    let u1 = Double((next() >> 11) + 1) * 0x1p-53
    let u2 = Double(next() >> 11) * 0x1p-53
    let radius = (-2 * PortableMath.log(u1)).squareRoot()
    let (s, c) = PortableMath.sinCosTwoPi(u2)
    spareNormal = radius * s
    return radius * c
  }

  /// A uniformly random permutation of `0..<n` (Fisher–Yates, drawing from the end).
  public mutating func permutation(_ n: Int) -> [Int] {
    var p = Array(0..<n)
    var i = n - 1
    while i > 0 {
      let j = nextInt(below: i + 1)
      p.swapAt(i, j)
      i -= 1
    }
    return p
  }

  /// Advances the generator by 2¹²⁸ steps, as the published `jump()` does.
  public mutating func jump() {
    let polynomial: [UInt64] = [
      0x180E_C6D3_3CFD_0ABA, 0xD5A6_1266_F0C9_392C, 0xA958_2618_E03F_C9AA, 0x39AB_DC45_29B1_661C,
    ]
    var s: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
    for word in polynomial {
      for bit in 0..<64 {
        if word & (UInt64(1) << UInt64(bit)) != 0 {
          s.0 ^= state.0
          s.1 ^= state.1
          s.2 ^= state.2
          s.3 ^= state.3
        }
        _ = next()
      }
    }
    state = s
    spareNormal = nil
  }

  /// Returns a copy of this generator for an independent stream and jumps `self` past it.
  ///
  /// The returned generator continues from the current state; `self` moves 2¹²⁸ steps ahead,
  /// so the two sequences never overlap in practice.
  public mutating func split() -> Xoshiro256 {
    var child = self
    child.spareNormal = nil
    jump()
    return child
  }
}
