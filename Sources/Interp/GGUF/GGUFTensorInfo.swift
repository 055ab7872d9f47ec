/// Where one tensor of a GGUF file lives and how it is encoded.
public struct GGUFTensorInfo: Equatable, Sendable {
  /// The tensor's name, e.g. `blk.0.attn_q.weight`.
  public let name: String
  /// ggml's dimensions, fastest-varying first (`ne[0]` is the row length).
  public let dimensions: [Int]
  /// The element encoding.
  public let type: GGUFTensorType
  /// Byte offset of the data from the start of the data section.
  public let offset: Int

  /// The row-major shape (ggml's dimensions reversed), as a PyTorch weight would have it.
  public var shape: [Int] { dimensions.reversed() }

  /// Number of weights.
  public var elementCount: Int { dimensions.reduce(1, *) }

  /// Bytes of encoded data.
  public var byteCount: Int { elementCount / type.blockSize * type.blockBytes }
}
