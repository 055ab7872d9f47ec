import Foundation

/// A GGUF model file (llama.cpp's format): typed metadata and the tensors' encoded data.
///
/// Opening a file maps it into memory and checks its whole structure (every string, count,
/// shape, type, offset and bound), so a malformed file fails here with a ``GGUFError`` naming
/// the file and the tensor or key, never later. ``tensor(_:)`` dequantizes one tensor to fp32.
///
/// ```swift
/// let file = try GGUFFile(contentsOf: url)
/// let layers = try file.requiredInt("llama.block_count")
/// let embedding = try file.tensor("token_embd.weight")   // [vocab, d_model]
/// ```
public final class GGUFFile {
  /// The file read.
  public let url: URL
  /// The GGUF version (2 or 3).
  public let version: UInt32
  /// Every metadata entry by key.
  public let metadata: [String: GGUFValue]
  /// Metadata keys in file order.
  public let metadataKeys: [String]
  /// Tensor descriptions in file order.
  public let tensors: [GGUFTensorInfo]
  /// Alignment of the data section and of every tensor's offset (`general.alignment`, default 32).
  public let alignment: Int
  /// Byte offset of the data section in the file (tensor offsets count from here).
  public let dataStart: Int
  private let data: Data
  private let index: [String: Int]

  /// Opens and validates the GGUF file at `url`.
  ///
  /// - Throws: ``GGUFError`` for an unreadable or malformed file.
  public init(contentsOf url: URL) throws {
    self.url = url
    do {
      data = try Data(contentsOf: url, options: .alwaysMapped)
    } catch {
      throw GGUFError(file: url, reason: .unreadable((error as NSError).localizedDescription))
    }
    let parsed = try data.withUnsafeBytes { bytes in try GGUFFile.parse(bytes, url: url) }
    (version, metadata, metadataKeys, tensors, alignment, dataStart) = parsed
    var index: [String: Int] = [:]
    for (i, info) in tensors.enumerated() { index[info.name] = i }
    self.index = index
  }

  /// The description of the tensor called `name`, or `nil`.
  public func info(_ name: String) -> GGUFTensorInfo? { index[name].map { tensors[$0] } }

  /// The tensor called `name`, dequantized to fp32 in its row-major ``GGUFTensorInfo/shape``.
  ///
  /// - Throws: ``GGUFError/Reason/missingTensor`` when the file has no such tensor.
  public func tensor(_ name: String) throws -> Tensor {
    guard let info = info(name) else { throw GGUFError(file: url, tensor: name, reason: .missingTensor) }
    let out = Tensor(uninitializedShape: info.shape)
    data.withUnsafeBytes { bytes in
      let source = UnsafeRawBufferPointer(rebasing: bytes[(dataStart + info.offset)..<(dataStart + info.offset + info.byteCount)])
      GGUFDequantizer.decode(source, type: info.type, count: info.elementCount, into: out.storage.pointer)
    }
    return out
  }

  /// The tensor called `name`, checked to have `shape`.
  public func tensor(_ name: String, shape: [Int]) throws -> Tensor {
    let value = try tensor(name)
    guard value.shape == shape else {
      throw GGUFError(file: url, tensor: name, reason: .unexpectedShape(expected: shape, found: value.shape))
    }
    return value
  }

  /// The integer under `key`.
  public func requiredInt(_ key: String) throws -> Int {
    guard let value = metadata[key] else { throw GGUFError(file: url, key: key, reason: .missingKey) }
    guard let int = value.int else { throw GGUFError(file: url, key: key, reason: .invalidValue("expected an integer, found \(value.typeName)")) }
    return int
  }

  /// The number under `key`.
  public func requiredFloat(_ key: String) throws -> Float {
    guard let value = metadata[key] else { throw GGUFError(file: url, key: key, reason: .missingKey) }
    guard let float = value.float else { throw GGUFError(file: url, key: key, reason: .invalidValue("expected a number, found \(value.typeName)")) }
    return float
  }

  /// The string under `key`.
  public func requiredString(_ key: String) throws -> String {
    guard let value = metadata[key] else { throw GGUFError(file: url, key: key, reason: .missingKey) }
    guard let string = value.string else { throw GGUFError(file: url, key: key, reason: .invalidValue("expected a string, found \(value.typeName)")) }
    return string
  }

  /// The array of strings under `key`.
  public func requiredStrings(_ key: String) throws -> [String] {
    guard let value = metadata[key] else { throw GGUFError(file: url, key: key, reason: .missingKey) }
    guard let array = value.array else { throw GGUFError(file: url, key: key, reason: .invalidValue("expected an array, found \(value.typeName)")) }
    return try array.map {
      guard let s = $0.string else { throw GGUFError(file: url, key: key, reason: .invalidValue("expected strings, found \($0.typeName)")) }
      return s
    }
  }

  private static func parse(_ bytes: UnsafeRawBufferPointer, url: URL) throws
    -> (UInt32, [String: GGUFValue], [String], [GGUFTensorInfo], Int, Int)
  {
    var reader = GGUFReader(bytes: bytes, file: url)
    guard bytes.count >= 4, try reader.read(UInt32.self) == 0x4655_4747 else { throw reader.error(.notGGUF) }
    let version = try reader.read(UInt32.self)
    guard version == 2 || version == 3 else { throw reader.error(.unsupportedVersion(version)) }
    // The smallest tensor description is 8 + 4 + 8 + 4 + 8 bytes, the smallest key-value 8 + 4 + 1.
    let tensorCount = try reader.readCount(minimumBytes: 32)
    let keyCount = try reader.readCount(minimumBytes: 13)
    var metadata: [String: GGUFValue] = [:]
    var keys: [String] = []
    for _ in 0..<keyCount {
      reader.key = nil
      let key = try reader.readString()
      reader.key = key
      let type = try reader.read(UInt32.self)
      let value = try reader.readValue(type: type)
      if metadata.updateValue(value, forKey: key) == nil { keys.append(key) }
    }
    reader.key = nil
    var alignment = 32
    if let value = metadata["general.alignment"] {
      guard let a = value.int, a > 0, a & (a - 1) == 0 else {
        throw GGUFError(file: url, key: "general.alignment", reason: .invalidAlignment(value.int ?? -1))
      }
      alignment = a
    }
    var infos: [GGUFTensorInfo] = []
    var seen = Set<String>()
    for _ in 0..<tensorCount {
      reader.tensor = nil
      let name = try reader.readString()
      reader.tensor = name
      guard seen.insert(name).inserted else { throw reader.error(.duplicateTensor) }
      let rank = try reader.read(UInt32.self)
      guard rank >= 1, rank <= 4 else { throw reader.error(.absurdShape([UInt64](repeating: 0, count: Int(Swift.min(rank, 8))))) }
      var raw: [UInt64] = []
      for _ in 0..<rank { raw.append(try reader.read(UInt64.self)) }
      let typeID = try reader.read(UInt32.self)
      guard let type = GGUFTensorType(rawValue: typeID) else { throw reader.error(.unknownTensorType(typeID)) }
      let offset = try reader.read(UInt64.self)
      // Every dimension is bounded by the file size, so a valid shape's product cannot overflow
      // before the bound check below rejects it.
      var count: UInt64 = 1
      for d in raw {
        guard d >= 1, d <= UInt64(bytes.count) * 2 else { throw reader.error(.absurdShape(raw)) }
        let (product, overflow) = count.multipliedReportingOverflow(by: d)
        guard !overflow, product <= UInt64(bytes.count) * 2 else { throw reader.error(.absurdShape(raw)) }
        count = product
      }
      guard raw[0] % UInt64(type.blockSize) == 0 else { throw reader.error(.absurdShape(raw)) }
      guard offset % UInt64(alignment) == 0 else { throw reader.error(.misalignedOffset(offset: offset, alignment: alignment)) }
      guard offset <= UInt64(bytes.count) else {
        throw reader.error(.dataOutOfBounds(offset: offset, bytes: 0, available: bytes.count))
      }
      infos.append(GGUFTensorInfo(name: name, dimensions: raw.map { Int($0) }, type: type, offset: Int(offset)))
    }
    reader.tensor = nil
    let dataStart = (reader.position + alignment - 1) / alignment * alignment
    let available = Swift.max(0, bytes.count - dataStart)
    for info in infos where info.offset + info.byteCount > available {
      throw GGUFError(
        file: url, tensor: info.name,
        reason: .dataOutOfBounds(offset: UInt64(info.offset), bytes: info.byteCount, available: available))
    }
    return (version, metadata, keys, infos, alignment, dataStart)
  }
}
