/// One metadata value of a GGUF file, in the file's own type.
///
/// GGUF stores thirteen value types; arrays hold values of one element type (possibly nested
/// arrays). The typed accessors (``int``, ``float``, ``string``, …) convert where the
/// conversion loses nothing, so callers need not care whether a count was written as `UINT32`
/// or `UINT64`.
public enum GGUFValue: Equatable, Sendable {
  case uint8(UInt8)
  case int8(Int8)
  case uint16(UInt16)
  case int16(Int16)
  case uint32(UInt32)
  case int32(Int32)
  case float32(Float)
  case bool(Bool)
  case string(String)
  case array([GGUFValue])
  case uint64(UInt64)
  case int64(Int64)
  case float64(Double)

  /// The value as an integer, when it is an integer type (or a bool) that fits in `Int`.
  public var int: Int? {
    switch self {
    case .uint8(let v): return Int(v)
    case .int8(let v): return Int(v)
    case .uint16(let v): return Int(v)
    case .int16(let v): return Int(v)
    case .uint32(let v): return Int(v)
    case .int32(let v): return Int(v)
    case .uint64(let v): return Int(exactly: v)
    case .int64(let v): return Int(v)
    case .bool(let v): return v ? 1 : 0
    default: return nil
    }
  }

  /// The value as a floating-point number, when it is numeric.
  public var double: Double? {
    switch self {
    case .float32(let v): return Double(v)
    case .float64(let v): return v
    default: return int.map(Double.init)
    }
  }

  /// The value as a `Float` (numeric values only).
  public var float: Float? { double.map(Float.init) }

  /// The string, for a string value.
  public var string: String? {
    if case .string(let s) = self { return s }
    return nil
  }

  /// The flag, for a bool value.
  public var bool: Bool? {
    if case .bool(let b) = self { return b }
    return nil
  }

  /// The elements, for an array value.
  public var array: [GGUFValue]? {
    if case .array(let a) = self { return a }
    return nil
  }

  /// The GGUF type name (`UINT32`, `STRING`, `ARRAY`, …), for messages.
  public var typeName: String {
    switch self {
    case .uint8: return "UINT8"
    case .int8: return "INT8"
    case .uint16: return "UINT16"
    case .int16: return "INT16"
    case .uint32: return "UINT32"
    case .int32: return "INT32"
    case .float32: return "FLOAT32"
    case .bool: return "BOOL"
    case .string: return "STRING"
    case .array: return "ARRAY"
    case .uint64: return "UINT64"
    case .int64: return "INT64"
    case .float64: return "FLOAT64"
    }
  }
}
