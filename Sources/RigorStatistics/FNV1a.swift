/// The 64-bit FNV-1a hash (Fowler, Noll & Vo).
///
/// Used where a stable, platform-independent hash of text is part of a specification: the
/// seed of the Monte Carlo sign-flip test is the hash of the claim id's UTF-8 bytes, and the
/// runner identifies a claim by the hash of its canonical form. Swift's `Hasher` is seeded
/// per process, so it cannot serve here.
public enum FNV1a {
  /// The FNV-1a 64-bit offset basis.
  public static let offsetBasis: UInt64 = 0xCBF2_9CE4_8422_2325
  /// The FNV 64-bit prime.
  public static let prime: UInt64 = 0x0000_0100_0000_01B3

  /// The hash of a byte sequence.
  public static func hash64<Bytes: Sequence>(_ bytes: Bytes) -> UInt64 where Bytes.Element == UInt8 {
    var h = offsetBasis
    for byte in bytes {
      h ^= UInt64(byte)
      h = h &* prime
    }
    return h
  }

  /// The hash of a string's UTF-8 bytes.
  public static func hash64(_ string: String) -> UInt64 {
    hash64(string.utf8)
  }
}
