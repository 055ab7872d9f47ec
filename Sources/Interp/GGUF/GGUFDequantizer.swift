/// Decoding of ggml's tensor encodings to fp32.
enum GGUFDequantizer {
  /// Writes the `count` weights encoded in `source` as `type` to `out`.
  static func decode(_ source: UnsafeRawBufferPointer, type: GGUFTensorType, count: Int, into out: UnsafeMutablePointer<Float>) {
    guard count > 0, let base = source.baseAddress else { return }
    let blocks = count / type.blockSize
    // Blocks are independent, so large tensors are shared out between threads.
    Parallel.forEachChunk(blocks, elementsPerItem: type.blockSize) { range in
      for block in range {
        let p = base + block * type.blockBytes
        let o = out + block * type.blockSize
        switch type {
        case .f32: o.pointee = Float(bitPattern: UInt32(littleEndian: p.loadUnaligned(as: UInt32.self)))
        case .f16: o.pointee = half(p)
        case .bf16: o.pointee = Float(bitPattern: UInt32(UInt16(littleEndian: p.loadUnaligned(as: UInt16.self))) << 16)
        case .q8_0:
          let d = half(p)
          for j in 0..<32 { o[j] = d * Float(Int8(bitPattern: p.load(fromByteOffset: 2 + j, as: UInt8.self))) }
        case .q4_0:
          let d = half(p)
          for j in 0..<16 {
            let byte = p.load(fromByteOffset: 2 + j, as: UInt8.self)
            o[j] = d * Float(Int(byte & 0x0F) - 8)
            o[j + 16] = d * Float(Int(byte >> 4) - 8)
          }
        case .q4_1:
          let d = half(p)
          let m = half(p + 2)
          for j in 0..<16 {
            let byte = p.load(fromByteOffset: 4 + j, as: UInt8.self)
            o[j] = d * Float(byte & 0x0F) + m
            o[j + 16] = d * Float(byte >> 4) + m
          }
        }
      }
    }
  }

  /// The IEEE half-precision number stored little-endian at `p`.
  @inline(__always)
  static func half(_ p: UnsafeRawPointer) -> Float {
    Float(Float16(bitPattern: UInt16(littleEndian: p.loadUnaligned(as: UInt16.self))))
  }
}
