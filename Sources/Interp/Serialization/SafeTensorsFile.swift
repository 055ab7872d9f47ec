import Foundation

/// A safetensors file whose header is parsed and checked, with tensors read on demand by name.
///
/// Opening a file validates every entry (known dtype, exact non-negative integer sizes whose
/// element count does not overflow, a byte range inside the data section that holds exactly
/// the shape), so a later ``tensor(_:)`` cannot fail on a malformed entry. Tensors that a
/// caller does not ask for, such as BERT's `I64` `position_ids`, are never converted.
///
/// ```swift
/// let file = try SafeTensorsFile(contentsOf: url)
/// let embeddings = try file.tensor("embeddings.word_embeddings.weight")
/// let positions = try file.integers("embeddings.position_ids")  // [Int64], exact
/// ```
public struct SafeTensorsFile {
  /// One tensor's header entry.
  public struct Entry: Equatable, Sendable {
    /// The tensor's name.
    public let name: String
    /// The element type.
    public let dtype: SafeTensors.DType
    /// The size of each axis.
    public let shape: [Int]
    /// Byte range inside the data section.
    public let byteRange: Range<Int>
  }

  /// The file (or `<memory>`) the bytes came from; errors name it.
  public let path: String
  /// The `__metadata__` strings.
  public let metadata: [String: String]
  /// Header entries by tensor name.
  public let entries: [String: Entry]
  private let bytes: Data
  private let dataStart: Int

  /// Reads and validates the file at `url`.
  ///
  /// - Throws: ``SafeTensorsError`` naming the file (and the tensor, for a bad entry).
  public init(contentsOf url: URL) throws {
    let data: Data
    do {
      data = try Data(contentsOf: url)
    } catch {
      throw SafeTensorsError(path: url.path, reason: .io(error.localizedDescription))
    }
    try self.init(data: data, path: url.path)
  }

  /// Validates safetensors `data`; `path` is used in errors.
  public init(data: Data, path: String = "<memory>") throws {
    func fail(_ reason: SafeTensorsError.Reason) -> SafeTensorsError { SafeTensorsError(path: path, reason: reason) }
    self.path = path
    guard data.count >= 8 else { throw fail(.truncated(needed: 8, available: data.count)) }
    var length: UInt64 = 0
    for (i, byte) in data.prefix(8).enumerated() { length |= UInt64(byte) << UInt64(8 * i) }
    guard length <= UInt64(SafeTensors.maximumHeaderLength) else {
      throw fail(.headerTooLarge(Int(clamping: length)))
    }
    let headerEnd = 8 + Int(length)
    guard data.count >= headerEnd else { throw fail(.truncated(needed: headerEnd, available: data.count)) }
    let start = data.startIndex
    let parsed: Any
    do {
      parsed = try JSONSerialization.jsonObject(with: data.subdata(in: (start + 8)..<(start + headerEnd)))
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
    let dataCount = data.count - headerEnd
    var entries: [String: Entry] = [:]
    for (name, raw) in header where name != "__metadata__" {
      entries[name] = try Self.entry(name, raw, dataCount: dataCount, fail: fail)
    }
    self.metadata = metadata
    self.entries = entries
    self.bytes = data
    self.dataStart = headerEnd
  }

  private static func entry(
    _ name: String, _ raw: Any, dataCount: Int, fail: (SafeTensorsError.Reason) -> SafeTensorsError
  ) throws -> Entry {
    func bad(_ detail: String) -> SafeTensorsError { fail(.invalidEntry(tensor: name, detail: detail)) }
    guard let fields = raw as? [String: Any] else { throw bad("the entry is not an object") }
    guard let dtypeName = fields["dtype"] as? String else { throw bad("needs a string dtype") }
    guard let shapeValues = fields["shape"] as? [Any] else { throw bad("needs a shape array") }
    guard let offsetValues = fields["data_offsets"] as? [Any], offsetValues.count == 2 else {
      throw bad("needs data_offsets [begin, end]")
    }
    guard let dtype = SafeTensors.DType(rawValue: dtypeName) else {
      throw fail(.unsupportedDType(tensor: name, dtype: dtypeName))
    }
    var shape: [Int] = []
    for value in shapeValues {
      guard let size = exactInteger(value), size >= 0 else { throw bad("shape \(shapeValues) holds a size that is not a non-negative integer") }
      shape.append(size)
    }
    var count = 1
    for size in shape {
      let (product, overflow) = count.multipliedReportingOverflow(by: size)
      guard !overflow else { throw fail(.absurdShape(tensor: name, shape: shape)) }
      count = product
    }
    let (byteCount, overflow) = count.multipliedReportingOverflow(by: dtype.width)
    guard !overflow else { throw fail(.absurdShape(tensor: name, shape: shape)) }
    guard let begin = exactInteger(offsetValues[0]), let end = exactInteger(offsetValues[1]) else {
      throw fail(.badOffsets(tensor: name, detail: "data_offsets \(offsetValues) are not integers"))
    }
    guard begin >= 0, begin <= end, end <= dataCount else {
      throw fail(.badOffsets(tensor: name, detail: "byte range \(begin)..<\(end) is outside the \(dataCount)-byte data section"))
    }
    guard end - begin == byteCount else {
      throw fail(.badOffsets(tensor: name, detail: "\(end - begin) bytes do not hold shape \(shape) of \(dtypeName) (\(byteCount) bytes)"))
    }
    return Entry(name: name, dtype: dtype, shape: shape, byteRange: begin..<end)
  }

  /// `value` as an `Int` when it is a JSON number with an exact integer value.
  private static func exactInteger(_ value: Any) -> Int? {
    if let int = value as? Int { return int }
    guard let number = value as? NSNumber else { return nil }
    return Int(exactly: number.doubleValue)
  }

  /// Tensor names in sorted order.
  public var names: [String] { entries.keys.sorted() }

  /// The entry for `name`.
  ///
  /// - Throws: ``SafeTensorsError`` with reason `.missingTensor` when the file has no such tensor.
  public func entry(_ name: String) throws -> Entry {
    guard let entry = entries[name] else {
      throw SafeTensorsError(path: path, reason: .missingTensor(name))
    }
    return entry
  }

  /// The tensor `name` converted to `Float` (integers and booleans included).
  public func tensor(_ name: String) throws -> Tensor {
    let entry = try entry(name)
    let out = Tensor(uninitializedShape: entry.shape)
    let count = out.count
    guard count > 0 else { return out }
    bytes.withUnsafeBytes { raw in
      let base = raw.baseAddress! + dataStart + entry.byteRange.lowerBound
      let destination = out.storage.pointer
      if entry.dtype == .f32 && UInt32(littleEndian: 1) == 1 {
        UnsafeMutableRawPointer(destination).copyMemory(from: base, byteCount: 4 * count)
      } else {
        for i in 0..<count { destination[i] = entry.dtype.float(base, i) }
      }
    }
    return out
  }

  /// The elements of the integer or boolean tensor `name`, exactly, in row-major order.
  ///
  /// - Throws: ``SafeTensorsError`` with reason `.notInteger` for a floating-point tensor.
  public func integers(_ name: String) throws -> [Int64] {
    let entry = try entry(name)
    guard entry.dtype.isInteger else {
      throw SafeTensorsError(path: path, reason: .notInteger(tensor: name, dtype: entry.dtype.rawValue))
    }
    let count = entry.byteRange.count / entry.dtype.width
    return bytes.withUnsafeBytes { raw in
      let base = raw.baseAddress.map { UnsafeRawPointer($0) + dataStart + entry.byteRange.lowerBound }
      return (0..<count).map { entry.dtype.integer(base!, $0) }
    }
  }

  /// Every tensor whose entry passes `include`, converted to `Float`, by name.
  public func tensors(where include: (Entry) -> Bool = { _ in true }) throws -> [String: Tensor] {
    var result: [String: Tensor] = [:]
    for (name, entry) in entries where include(entry) { result[name] = try tensor(name) }
    return result
  }
}
