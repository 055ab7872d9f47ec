/// A failure to read or write a safetensors file, with the file and the reason.
public struct SafeTensorsError: Error, Equatable, CustomStringConvertible {
  /// What went wrong.
  public enum Reason: Equatable, Sendable {
    /// The file could not be read or written (the system's message).
    case io(String)
    /// The data is shorter than the 8-byte length prefix or the header it announces.
    case truncated(needed: Int, available: Int)
    /// The header length is implausibly large.
    case headerTooLarge(Int)
    /// The header is not the expected JSON object; the detail says where.
    case invalidHeader(String)
    /// A tensor uses a dtype this reader does not convert to `Float`.
    case unsupportedDType(tensor: String, dtype: String)
    /// A tensor's byte range is outside the data section or does not match its shape.
    case badOffsets(tensor: String, detail: String)
    /// A tensor name is used twice or is reserved.
    case invalidName(String)
    /// A tensor's header entry lacks a field or has one of the wrong kind.
    case invalidEntry(tensor: String, detail: String)
    /// A tensor's element count or byte size overflows.
    case absurdShape(tensor: String, shape: [Int])
    /// The file has no tensor of this name.
    case missingTensor(String)
    /// Exact integers were asked of a floating-point tensor.
    case notInteger(tensor: String, dtype: String)
  }

  /// The file (or `<memory>`) involved.
  public var path: String
  /// What went wrong.
  public var reason: Reason

  public init(path: String, reason: Reason) {
    self.path = path
    self.reason = reason
  }

  public var description: String {
    let detail: String
    switch reason {
    case .io(let message): detail = message
    case .truncated(let needed, let available):
      detail = "file is truncated: needs \(needed) bytes, has \(available)"
    case .headerTooLarge(let size): detail = "header length \(size) bytes is too large"
    case .invalidHeader(let message): detail = "invalid header: \(message)"
    case .unsupportedDType(let tensor, let dtype):
      let known = SafeTensors.DType.allCases.map(\.rawValue).joined(separator: ", ")
      detail = "tensor '\(tensor)' has dtype \(dtype); supported are \(known)"
    case .badOffsets(let tensor, let message): detail = "tensor '\(tensor)': \(message)"
    case .invalidName(let name): detail = "invalid tensor name '\(name)'"
    case .invalidEntry(let tensor, let message): detail = "tensor '\(tensor)': invalid header entry: \(message)"
    case .absurdShape(let tensor, let shape): detail = "tensor '\(tensor)': shape \(shape) is too large to address"
    case .missingTensor(let name): detail = "no tensor named '\(name)'"
    case .notInteger(let tensor, let dtype): detail = "tensor '\(tensor)' has dtype \(dtype), not an integer type"
    }
    return "safetensors: \(path): \(detail)"
  }
}
