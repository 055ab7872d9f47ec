import Foundation

/// Reading and writing the safetensors format, so weights move to and from Python.
///
/// Layout (from the format's specification): an 8-byte little-endian unsigned header length
/// `N`; `N` bytes of UTF-8 JSON mapping each tensor name to
/// `{"dtype": "F32", "shape": [...], "data_offsets": [begin, end]}` (byte offsets into the data
/// section), plus an optional `"__metadata__"` object of strings; then the data section of
/// little-endian, row-major elements. This writer emits `F32` tensors in name order, with the
/// header padded by spaces to a multiple of 8 bytes, so equal inputs give identical files. The
/// reader accepts `F32`, `F64`, `F16` and `BF16` and converts to `Float`.
///
/// ```swift
/// try SafeTensors.write(["w": w], to: URL(fileURLWithPath: "weights.safetensors"))
/// let loaded = try SafeTensors.read(from: URL(fileURLWithPath: "weights.safetensors"))
/// ```
public enum SafeTensors {
  /// Largest accepted header, as in the reference implementation (100 MB).
  static let maximumHeaderLength = 100_000_000

  /// Serialises `tensors` (as `F32`) and `metadata` into safetensors bytes.
  public static func encode(_ tensors: [String: Tensor], metadata: [String: String] = [:]) throws -> Data {
    if tensors.keys.contains("__metadata__") {
      throw SafeTensorsError(path: "<memory>", reason: .invalidName("__metadata__"))
    }
    let names = tensors.keys.sorted()
    var entries: [String] = []
    var offset = 0
    for name in names {
      let t = tensors[name]!
      let bytes = t.count * 4
      let shape = t.shape.map(String.init).joined(separator: ",")
      entries.append("\(jsonString(name)):{\"dtype\":\"F32\",\"shape\":[\(shape)],\"data_offsets\":[\(offset),\(offset + bytes)]}")
      offset += bytes
    }
    if !metadata.isEmpty {
      let fields = metadata.keys.sorted().map { "\(jsonString($0)):\(jsonString(metadata[$0]!))" }
      entries.insert("\"__metadata__\":{\(fields.joined(separator: ","))}", at: 0)
    }
    var header = Array("{\(entries.joined(separator: ","))}".utf8)
    while header.count % 8 != 0 { header.append(0x20) }
    var data = Data(capacity: 8 + header.count + offset)
    withUnsafeBytes(of: UInt64(header.count).littleEndian) { data.append(contentsOf: $0) }
    data.append(contentsOf: header)
    for name in names {
      let values = tensors[name]!.toArray().map { $0.bitPattern.littleEndian }
      values.withUnsafeBytes { data.append(contentsOf: $0) }
    }
    return data
  }

  /// Writes `tensors` to `url` atomically.
  ///
  /// - Throws: ``SafeTensorsError`` with reason `.io` if the file cannot be written.
  public static func write(_ tensors: [String: Tensor], to url: URL, metadata: [String: String] = [:]) throws {
    let data = try encode(tensors, metadata: metadata)
    do {
      try data.write(to: url, options: .atomic)
    } catch {
      throw SafeTensorsError(path: url.path, reason: .io(error.localizedDescription))
    }
  }

  /// Reads every tensor in the file at `url`.
  public static func read(from url: URL) throws -> [String: Tensor] {
    try readWithMetadata(from: url).tensors
  }

  /// Reads every tensor and the `__metadata__` strings of the file at `url`.
  public static func readWithMetadata(from url: URL) throws -> (tensors: [String: Tensor], metadata: [String: String]) {
    let data: Data
    do {
      data = try Data(contentsOf: url)
    } catch {
      throw SafeTensorsError(path: url.path, reason: .io(error.localizedDescription))
    }
    return try decodeWithMetadata(data, path: url.path)
  }

  /// Parses safetensors bytes.
  public static func decode(_ data: Data, path: String = "<memory>") throws -> [String: Tensor] {
    try decodeWithMetadata(data, path: path).tensors
  }

  /// Parses safetensors bytes, returning tensors and metadata.
  public static func decodeWithMetadata(_ data: Data, path: String = "<memory>") throws
    -> (tensors: [String: Tensor], metadata: [String: String])
  {
    func fail(_ reason: SafeTensorsError.Reason) -> SafeTensorsError { SafeTensorsError(path: path, reason: reason) }
    let bytes = [UInt8](data)
    guard bytes.count >= 8 else { throw fail(.truncated(needed: 8, available: bytes.count)) }
    var length: UInt64 = 0
    for i in 0..<8 { length |= UInt64(bytes[i]) << UInt64(8 * i) }
    guard length <= UInt64(maximumHeaderLength) else { throw fail(.headerTooLarge(Int(clamping: length))) }
    let headerEnd = 8 + Int(length)
    guard bytes.count >= headerEnd else { throw fail(.truncated(needed: headerEnd, available: bytes.count)) }
    let parsed: Any
    do {
      parsed = try JSONSerialization.jsonObject(with: Data(bytes[8..<headerEnd]))
    } catch {
      throw fail(.invalidHeader("not valid JSON (\(error.localizedDescription))"))
    }
    guard let header = parsed as? [String: Any] else { throw fail(.invalidHeader("top level is not an object")) }
    var metadata: [String: String] = [:]
    if let raw = header["__metadata__"] {
      guard let fields = raw as? [String: Any], fields.values.allSatisfy({ $0 is String }) else {
        throw fail(.invalidHeader("__metadata__ must map strings to strings"))
      }
      metadata = fields.mapValues { $0 as! String }
    }
    let dataCount = bytes.count - headerEnd
    var tensors: [String: Tensor] = [:]
    for (name, raw) in header where name != "__metadata__" {
      guard let entry = raw as? [String: Any],
        let dtype = entry["dtype"] as? String,
        let shapeValues = entry["shape"] as? [NSNumber],
        let offsetValues = entry["data_offsets"] as? [NSNumber], offsetValues.count == 2
      else {
        throw fail(.invalidHeader("entry '\(name)' needs dtype, shape and two data_offsets"))
      }
      let shape = shapeValues.map(\.intValue)
      guard shape.allSatisfy({ $0 >= 0 }) else { throw fail(.invalidHeader("entry '\(name)' has a negative size")) }
      let begin = offsetValues[0].intValue
      let end = offsetValues[1].intValue
      guard let width = elementWidth(dtype) else { throw fail(.unsupportedDType(tensor: name, dtype: dtype)) }
      guard begin >= 0, begin <= end, end <= dataCount else {
        throw fail(.badOffsets(tensor: name, detail: "byte range \(begin)..<\(end) is outside the \(dataCount)-byte data section"))
      }
      let count = ShapeMath.count(shape)
      guard end - begin == count * width else {
        throw fail(.badOffsets(tensor: name, detail: "\(end - begin) bytes do not hold shape \(shape) of \(dtype)"))
      }
      let values = bytes.withUnsafeBufferPointer { buffer in
        convert(UnsafeRawPointer(buffer.baseAddress! + headerEnd + begin), count: count, dtype: dtype)
      }
      tensors[name] = Tensor(shape: shape, scalars: values)
    }
    return (tensors, metadata)
  }

  private static func elementWidth(_ dtype: String) -> Int? {
    switch dtype {
    case "F32": return 4
    case "F64": return 8
    case "F16", "BF16": return 2
    default: return nil
    }
  }

  private static func convert(_ base: UnsafeRawPointer, count: Int, dtype: String) -> [Float] {
    var out = [Float](repeating: 0, count: count)
    for i in 0..<count {
      switch dtype {
      case "F32": out[i] = Float(bitPattern: UInt32(littleEndian: base.loadUnaligned(fromByteOffset: 4 * i, as: UInt32.self)))
      case "F64": out[i] = Float(Double(bitPattern: UInt64(littleEndian: base.loadUnaligned(fromByteOffset: 8 * i, as: UInt64.self))))
      case "BF16":
        let bits = UInt16(littleEndian: base.loadUnaligned(fromByteOffset: 2 * i, as: UInt16.self))
        out[i] = Float(bitPattern: UInt32(bits) << 16)
      default:
        out[i] = halfToFloat(UInt16(littleEndian: base.loadUnaligned(fromByteOffset: 2 * i, as: UInt16.self)))
      }
    }
    return out
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

  /// A JSON string literal for `s`.
  private static func jsonString(_ s: String) -> String {
    var out = "\""
    for scalar in s.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      default:
        if scalar.value < 0x20 {
          out += String(format: "\\u%04x", scalar.value)
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    return out + "\""
  }
}
