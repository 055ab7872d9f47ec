/// The element encodings of GGUF tensors that Interp reads, with ggml's type ids and block layouts.
///
/// Quantized types store blocks of 32 weights: `Q8_0` is an fp16 scale and 32 signed bytes
/// (`d·q`); `Q4_0` is an fp16 scale and 16 bytes of nibbles (`d·(q − 8)`); `Q4_1` is an fp16
/// scale, an fp16 minimum and 16 bytes of nibbles (`d·q + m`). In both 4-bit types byte `j`
/// holds weight `j` in its low nibble and weight `j + 16` in its high nibble.
public enum GGUFTensorType: UInt32, Sendable, CaseIterable {
  case f32 = 0
  case f16 = 1
  case q4_0 = 2
  case q4_1 = 3
  case q8_0 = 8
  case bf16 = 30

  /// Weights per block (1 for the plain float types).
  public var blockSize: Int {
    switch self {
    case .f32, .f16, .bf16: return 1
    case .q4_0, .q4_1, .q8_0: return 32
    }
  }

  /// Bytes per block.
  public var blockBytes: Int {
    switch self {
    case .f32: return 4
    case .f16, .bf16: return 2
    case .q4_0: return 18
    case .q4_1: return 20
    case .q8_0: return 34
    }
  }

  /// ggml's name for the type (`Q4_1`, `F16`, …).
  public var name: String {
    switch self {
    case .f32: return "F32"
    case .f16: return "F16"
    case .q4_0: return "Q4_0"
    case .q4_1: return "Q4_1"
    case .q8_0: return "Q8_0"
    case .bf16: return "BF16"
    }
  }
}
