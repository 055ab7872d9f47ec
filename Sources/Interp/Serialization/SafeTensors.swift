import Foundation

/// Reading and writing the safetensors format, so weights move to and from Python.
///
/// Layout (from the format's specification): an 8-byte little-endian unsigned header length
/// `N`; `N` bytes of UTF-8 JSON mapping each tensor name to
/// `{"dtype": "F32", "shape": [...], "data_offsets": [begin, end]}` (byte offsets into the data
/// section), plus an optional `"__metadata__"` object of strings; then the data section of
/// little-endian, row-major elements. This writer emits `F32` tensors in name order, with the
/// header padded by spaces to a multiple of 8 bytes, so equal inputs give identical files. The
/// reader accepts every dtype of the format (``DType``) and converts to `Float`; use
/// ``SafeTensorsFile`` to read tensors by name, integers exactly, or to skip tensors.
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
    let file = try SafeTensorsFile(data: data, path: path)
    return (try file.tensors(), file.metadata)
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
