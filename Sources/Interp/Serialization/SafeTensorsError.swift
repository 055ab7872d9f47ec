/// A failure to read or write a safetensors file, with the file and the reason.
public struct SafeTensorsError: Error, CustomStringConvertible {
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
      detail = "tensor '\(tensor)' has dtype \(dtype); supported are F32, F64, F16, BF16"
    case .badOffsets(let tensor, let message): detail = "tensor '\(tensor)': \(message)"
    case .invalidName(let name): detail = "invalid tensor name '\(name)'"
    }
    return "safetensors: \(path): \(detail)"
  }
}
