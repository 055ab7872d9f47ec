import CLibGit2

/// A git object id (SHA-1), printed as 40 lowercase hex digits.
public struct ObjectID: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
  // Stored inline (no heap allocation): history walks create thousands of ids.
  private var high: UInt64
  private var middle: UInt64
  private var low: UInt32

  /// The 20 raw bytes.
  public var bytes: [UInt8] {
    var copy = self
    return withUnsafeBytes(of: &copy.high) { Array($0) } + withUnsafeBytes(of: &copy.middle) { Array($0) }
      + withUnsafeBytes(of: &copy.low) { Array($0) }
  }

  init(_ oid: git_oid) {
    var copy = oid
    (high, middle, low) = withUnsafeBytes(of: &copy.id) { raw in
      (raw.loadUnaligned(fromByteOffset: 0, as: UInt64.self), raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self),
       raw.loadUnaligned(fromByteOffset: 16, as: UInt32.self))
    }
  }

  private init(bytes: [UInt8]) {
    var oid = git_oid()
    withUnsafeMutableBytes(of: &oid.id) { raw in
      for (index, byte) in bytes.enumerated() { raw[index] = byte }
    }
    self.init(oid)
  }

  init(_ pointer: UnsafePointer<git_oid>) {
    self.init(pointer.pointee)
  }

  /// Parses exactly 40 hex digits; nil for anything else (use `GitRepository.resolve` for
  /// prefixes and rev expressions).
  public init?(hex: String) {
    let utf8 = Array(hex.utf8)
    guard utf8.count == 40 else { return nil }
    var out = [UInt8]()
    out.reserveCapacity(20)
    var index = 0
    while index < 40 {
      guard let high = ObjectID.nibble(utf8[index]), let low = ObjectID.nibble(utf8[index + 1]) else {
        return nil
      }
      out.append(high << 4 | low)
      index += 2
    }
    self.init(bytes: out)
  }

  /// The libgit2 form, for passing back into C.
  var oid: git_oid {
    var oid = git_oid()
    withUnsafeMutableBytes(of: &oid.id) { raw in
      raw.storeBytes(of: high, toByteOffset: 0, as: UInt64.self)
      raw.storeBytes(of: middle, toByteOffset: 8, as: UInt64.self)
      raw.storeBytes(of: low, toByteOffset: 16, as: UInt32.self)
    }
    return oid
  }

  public var description: String {
    var copy = oid
    return withUnsafeBytes(of: &copy.id) { raw in
      String(unsafeUninitializedCapacity: 40) { text in
        for (index, byte) in raw.enumerated() {
          text[2 * index] = ObjectID.hexDigit(byte >> 4)
          text[2 * index + 1] = ObjectID.hexDigit(byte & 0x0f)
        }
        return 40
      }
    }
  }

  /// The first 7 hex digits, as `git log --oneline` prints.
  public var shortDescription: String { String(description.prefix(7)) }

  public static func < (lhs: ObjectID, rhs: ObjectID) -> Bool {
    lhs.bytes.lexicographicallyPrecedes(rhs.bytes)
  }

  public init(from decoder: Decoder) throws {
    let container = try decoder.singleValueContainer()
    let text = try container.decode(String.self)
    guard let id = ObjectID(hex: text) else {
      throw DecodingError.dataCorruptedError(
        in: container, debugDescription: "expected 40 hex digits, got '\(text)'")
    }
    self = id
  }

  public func encode(to encoder: Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(description)
  }

  private static func hexDigit(_ value: UInt8) -> UInt8 {
    value < 10 ? UInt8(ascii: "0") + value : UInt8(ascii: "a") + value - 10
  }

  private static func nibble(_ character: UInt8) -> UInt8? {
    switch character {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): return character - UInt8(ascii: "0")
    case UInt8(ascii: "a")...UInt8(ascii: "f"): return character - UInt8(ascii: "a") + 10
    case UInt8(ascii: "A")...UInt8(ascii: "F"): return character - UInt8(ascii: "A") + 10
    default: return nil
    }
  }
}
