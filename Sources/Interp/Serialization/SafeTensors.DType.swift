import Foundation

extension SafeTensors {
  /// An element type of the safetensors format, by its name in the header.
  ///
  /// Every type converts to `Float` (``SafeTensorsFile/tensor(_:)``); integer and boolean types
  /// also read exactly as `Int64` (``SafeTensorsFile/integers(_:)``), since `Float` holds
  /// integers exactly only up to 2²⁴.
  public enum DType: String, CaseIterable, Sendable {
    case f64 = "F64", f32 = "F32", f16 = "F16", bf16 = "BF16"
    case f8e4m3 = "F8_E4M3", f8e5m2 = "F8_E5M2"
    case i64 = "I64", i32 = "I32", i16 = "I16", i8 = "I8"
    case u64 = "U64", u32 = "U32", u16 = "U16", u8 = "U8"
    case bool = "BOOL"

    /// Bytes per element.
    public var width: Int {
      switch self {
      case .f64, .i64, .u64: return 8
      case .f32, .i32, .u32: return 4
      case .f16, .bf16, .i16, .u16: return 2
      case .f8e4m3, .f8e5m2, .i8, .u8, .bool: return 1
      }
    }

    /// Whether elements are integers (or booleans), readable exactly with ``SafeTensorsFile/integers(_:)``.
    public var isInteger: Bool {
      switch self {
      case .i64, .i32, .i16, .i8, .u64, .u32, .u16, .u8, .bool: return true
      default: return false
      }
    }

    /// Element `i` of little-endian data at `base`, as `Float`.
    func float(_ base: UnsafeRawPointer, _ i: Int) -> Float {
      switch self {
      case .f32: return Float(bitPattern: UInt32(littleEndian: base.loadUnaligned(fromByteOffset: 4 * i, as: UInt32.self)))
      case .f64: return Float(Double(bitPattern: UInt64(littleEndian: base.loadUnaligned(fromByteOffset: 8 * i, as: UInt64.self))))
      case .f16: return SafeTensors.halfToFloat(UInt16(littleEndian: base.loadUnaligned(fromByteOffset: 2 * i, as: UInt16.self)))
      case .bf16:
        let bits = UInt16(littleEndian: base.loadUnaligned(fromByteOffset: 2 * i, as: UInt16.self))
        return Float(bitPattern: UInt32(bits) << 16)
      case .f8e5m2:
        // E5M2 is binary16 with the low mantissa byte dropped.
        return SafeTensors.halfToFloat(UInt16(base.load(fromByteOffset: i, as: UInt8.self)) << 8)
      case .f8e4m3: return SafeTensors.e4m3ToFloat(base.load(fromByteOffset: i, as: UInt8.self))
      case .u64: return Float(UInt64(littleEndian: base.loadUnaligned(fromByteOffset: 8 * i, as: UInt64.self)))
      default: return Float(integer(base, i))
      }
    }

    /// Element `i` of little-endian integer data at `base` (`U64` above `Int64.max` wraps).
    func integer(_ base: UnsafeRawPointer, _ i: Int) -> Int64 {
      switch self {
      case .i64: return Int64(littleEndian: base.loadUnaligned(fromByteOffset: 8 * i, as: Int64.self))
      case .u64: return Int64(bitPattern: UInt64(littleEndian: base.loadUnaligned(fromByteOffset: 8 * i, as: UInt64.self)))
      case .i32: return Int64(Int32(littleEndian: base.loadUnaligned(fromByteOffset: 4 * i, as: Int32.self)))
      case .u32: return Int64(UInt32(littleEndian: base.loadUnaligned(fromByteOffset: 4 * i, as: UInt32.self)))
      case .i16: return Int64(Int16(littleEndian: base.loadUnaligned(fromByteOffset: 2 * i, as: Int16.self)))
      case .u16: return Int64(UInt16(littleEndian: base.loadUnaligned(fromByteOffset: 2 * i, as: UInt16.self)))
      case .i8: return Int64(base.load(fromByteOffset: i, as: Int8.self))
      case .u8: return Int64(base.load(fromByteOffset: i, as: UInt8.self))
      case .bool: return base.load(fromByteOffset: i, as: UInt8.self) != 0 ? 1 : 0
      default: return Int64(float(base, i))
      }
    }
  }

  /// IEEE binary16 to binary32, including subnormals, infinities and NaN.
  static func halfToFloat(_ h: UInt16) -> Float {
    let sign: Float = h & 0x8000 != 0 ? -1 : 1
    let exponent = Int((h >> 10) & 0x1F)
    let fraction = Float(h & 0x3FF)
    switch exponent {
    case 0: return sign * fraction * 0x1p-24
    case 31: return fraction == 0 ? sign * .infinity : .nan
    default: return sign * (1 + fraction / 1024) * Float(sign: .plus, exponent: exponent - 15, significand: 1)
    }
  }

  /// OCP FP8 E4M3 (bias 7, no infinities, `S.1111.111` is NaN) to binary32.
  static func e4m3ToFloat(_ b: UInt8) -> Float {
    let sign: Float = b & 0x80 != 0 ? -1 : 1
    let exponent = Int((b >> 3) & 0xF)
    let fraction = Float(b & 0x7)
    if exponent == 15 && b & 0x7 == 7 { return .nan }
    if exponent == 0 { return sign * fraction * 0x1p-9 }
    return sign * (1 + fraction / 8) * Float(sign: .plus, exponent: exponent - 7, significand: 1)
  }
}
