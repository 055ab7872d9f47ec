import Foundation

/// A bounds-checked little-endian cursor over the bytes of a GGUF file.
struct GGUFReader {
  let bytes: UnsafeRawBufferPointer
  let file: URL
  var position = 0
  /// Key or tensor being read, for error messages.
  var key: String?
  var tensor: String?

  init(bytes: UnsafeRawBufferPointer, file: URL) {
    self.bytes = bytes
    self.file = file
  }

  var remaining: Int { bytes.count - position }

  func error(_ reason: GGUFError.Reason) -> GGUFError {
    GGUFError(file: file, tensor: tensor, key: key, reason: reason)
  }

  mutating func require(_ count: Int) throws {
    guard count >= 0, count <= remaining else { throw error(.truncated(offset: position, needed: count)) }
  }

  mutating func read<T: FixedWidthInteger>(_: T.Type) throws -> T {
    let size = MemoryLayout<T>.size
    try require(size)
    let value = T(littleEndian: bytes.loadUnaligned(fromByteOffset: position, as: T.self))
    position += size
    return value
  }

  /// A count that must fit in the rest of the file when each item needs `minimumBytes`.
  mutating func readCount(minimumBytes: Int) throws -> Int {
    let raw = try read(UInt64.self)
    guard raw <= UInt64(remaining / Swift.max(minimumBytes, 1)) else { throw error(.absurdCount(raw)) }
    return Int(raw)
  }

  mutating func readString() throws -> String {
    let start = position
    let length = try readCount(minimumBytes: 1)
    try require(length)
    let slice = UnsafeRawBufferPointer(rebasing: bytes[position..<(position + length)])
    guard let string = String(validating: slice.bindMemory(to: UInt8.self), as: UTF8.self) else {
      throw error(.invalidString(offset: start))
    }
    position += length
    return string
  }

  mutating func readValue(type: UInt32, depth: Int = 0) throws -> GGUFValue {
    switch type {
    case 0: return .uint8(try read(UInt8.self))
    case 1: return .int8(try read(Int8.self))
    case 2: return .uint16(try read(UInt16.self))
    case 3: return .int16(try read(Int16.self))
    case 4: return .uint32(try read(UInt32.self))
    case 5: return .int32(try read(Int32.self))
    case 6: return .float32(Float(bitPattern: try read(UInt32.self)))
    case 7:
      let raw = try read(UInt8.self)
      guard raw <= 1 else { throw error(.invalidValue("a BOOL holds \(raw), not 0 or 1")) }
      return .bool(raw == 1)
    case 8: return .string(try readString())
    case 9:
      // Nested arrays are legal but a deep nest is only ever a corrupt file.
      guard depth < 8 else { throw error(.invalidValue("arrays nested more than 8 deep")) }
      let elementType = try read(UInt32.self)
      guard let size = GGUFReader.minimumSize(elementType) else { throw error(.unknownValueType(elementType)) }
      let count = try readCount(minimumBytes: size)
      var values: [GGUFValue] = []
      values.reserveCapacity(count)
      for _ in 0..<count { values.append(try readValue(type: elementType, depth: depth + 1)) }
      return .array(values)
    case 10: return .uint64(try read(UInt64.self))
    case 11: return .int64(try read(Int64.self))
    case 12: return .float64(Double(bitPattern: try read(UInt64.self)))
    default: throw error(.unknownValueType(type))
    }
  }

  /// The fewest bytes a value of this type occupies, or `nil` for an unknown type.
  static func minimumSize(_ type: UInt32) -> Int? {
    switch type {
    case 0, 1, 7: return 1
    case 2, 3: return 2
    case 4, 5, 6: return 4
    case 8: return 8
    case 9: return 12
    case 10, 11, 12: return 8
    default: return nil
    }
  }
}
