/// SplitMix64: a tiny, portable 64-bit generator (Steele, Lea & Flood 2014).
///
/// The same seed gives the same sequence on every machine and Swift version: the state is a
/// `UInt64` advanced by the golden-ratio increment and mixed with fixed multiply-xorshift
/// constants, all in wrapping integer arithmetic. Rigor uses it to seed other generators and,
/// as docs/JUDGING.md specifies, to draw the sign patterns of the Monte Carlo sign-flip test.
public struct SplitMix64: RandomNumberGenerator, Sendable {
  public private(set) var state: UInt64

  /// Creates a generator whose first output derives from `seed`.
  public init(seed: UInt64) { state = seed }

  /// Advances the state and returns the next 64 random bits.
  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
