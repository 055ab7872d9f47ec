import Foundation

/// A GGUF file that cannot be read, naming the file and, where one is involved, the tensor or key.
public struct GGUFError: Error, Equatable, CustomStringConvertible {
  /// What was wrong.
  public enum Reason: Equatable, Sendable {
    /// The file could not be opened or mapped.
    case unreadable(String)
    /// The file does not start with the `GGUF` magic.
    case notGGUF
    /// A GGUF version other than 2 or 3.
    case unsupportedVersion(UInt32)
    /// The file ends before a field that starts at `offset` and needs `needed` bytes.
    case truncated(offset: Int, needed: Int)
    /// A string that is not valid UTF-8.
    case invalidString(offset: Int)
    /// A metadata value type id that GGUF does not define.
    case unknownValueType(UInt32)
    /// A tensor element type Interp does not read (or ggml does not define).
    case unknownTensorType(UInt32)
    /// Dimensions that are zero-ranked, over four axes, overflow, or do not fill whole blocks.
    case absurdShape([UInt64])
    /// A tensor's data offset is not a multiple of the alignment.
    case misalignedOffset(offset: UInt64, alignment: Int)
    /// A tensor's data runs past the end of the file.
    case dataOutOfBounds(offset: UInt64, bytes: Int, available: Int)
    /// Two tensors share a name.
    case duplicateTensor
    /// `general.alignment` is not a power of two.
    case invalidAlignment(Int)
    /// A count (tensors, keys, array elements) larger than the file could hold.
    case absurdCount(UInt64)
    /// A required metadata key is absent.
    case missingKey
    /// A metadata value has the wrong type or an unusable value.
    case invalidValue(String)
    /// No tensor of that name.
    case missingTensor
    /// A tensor's shape differs from the one the model needs.
    case unexpectedShape(expected: [Int], found: [Int])
  }

  /// The file that failed.
  public let file: URL
  /// The tensor involved, if any.
  public let tensor: String?
  /// The metadata key involved, if any.
  public let key: String?
  /// What was wrong.
  public let reason: Reason

  public init(file: URL, tensor: String? = nil, key: String? = nil, reason: Reason) {
    self.file = file
    self.tensor = tensor
    self.key = key
    self.reason = reason
  }

  public var description: String {
    var place = file.path
    if let tensor { place += ", tensor '\(tensor)'" }
    if let key { place += ", metadata key '\(key)'" }
    return "\(place): \(problem)"
  }

  private var problem: String {
    switch reason {
    case .unreadable(let cause): return "cannot read the file (\(cause))"
    case .notGGUF: return "not a GGUF file (the first four bytes are not 'GGUF')"
    case .unsupportedVersion(let v): return "GGUF version \(v) is not supported (expected 2 or 3)"
    case .truncated(let offset, let needed): return "the file ends inside a field at byte \(offset) that needs \(needed) bytes"
    case .invalidString(let offset): return "the string at byte \(offset) is not valid UTF-8"
    case .unknownValueType(let raw): return "unknown metadata value type \(raw)"
    case .unknownTensorType(let raw):
      let known = GGUFTensorType.allCases.map { "\($0.name)=\($0.rawValue)" }.joined(separator: ", ")
      return "tensor type \(raw) is not supported (Interp reads \(known))"
    case .absurdShape(let dims): return "dimensions \(dims) are not a valid tensor shape for its type"
    case .misalignedOffset(let offset, let alignment): return "data offset \(offset) is not a multiple of the alignment \(alignment)"
    case .dataOutOfBounds(let offset, let bytes, let available):
      return "data at offset \(offset) needs \(bytes) bytes but the data section holds \(available)"
    case .duplicateTensor: return "a second tensor has the same name"
    case .invalidAlignment(let a): return "general.alignment \(a) is not a positive power of two"
    case .absurdCount(let n): return "count \(n) is larger than the file could hold"
    case .missingKey: return "the key is missing"
    case .invalidValue(let why): return why
    case .missingTensor: return "the file has no such tensor"
    case .unexpectedShape(let expected, let found): return "shape \(found) differs from the expected \(expected)"
    }
  }
}
