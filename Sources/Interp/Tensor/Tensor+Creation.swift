/// Factory functions. Random tensors draw from an explicit ``Xoshiro256`` so every run with
/// the same seed gets the same numbers.
extension Tensor {
  /// A tensor of `shape` filled with `value`.
  public static func full(_ shape: [Int], _ value: Float) -> Tensor {
    check(shape.allSatisfy { $0 >= 0 }, "full: negative size in shape \(shape)")
    return Tensor(
      storage: TensorStorage(repeating: value, count: ShapeMath.count(shape)), shape: shape,
      strides: ShapeMath.contiguousStrides(shape), offset: 0)
  }

  /// A tensor of zeros.
  public static func zeros(_ shape: [Int]) -> Tensor { full(shape, 0) }

  /// A tensor of ones.
  public static func ones(_ shape: [Int]) -> Tensor { full(shape, 1) }

  /// Zeros with the shape of `other`.
  public static func zeros(like other: Tensor) -> Tensor { full(other.shape, 0) }

  /// `start, start+step, …` up to but excluding `end`, as numpy's `arange`.
  public static func arange(_ start: Float = 0, _ end: Float, step: Float = 1) -> Tensor {
    check(step != 0, "arange: step must be non-zero")
    let n = Swift.max(0, Int(((end - start) / step).rounded(.up)))
    let out = Tensor(uninitializedShape: [n])
    for i in 0..<n { out.storage.pointer[i] = start + Float(i) * step }
    return out
  }

  /// `0, 1, …, n-1`.
  public static func arange(_ n: Int) -> Tensor { arange(0, Float(n)) }

  /// The `n × n` identity matrix.
  public static func eye(_ n: Int) -> Tensor {
    let out = zeros([n, n])
    for i in 0..<n { out.storage.pointer[i * n + i] = 1 }
    return out
  }

  /// Standard normal samples (`mean + std·z`), drawn in row-major order.
  public static func randn(_ shape: [Int], mean: Float = 0, std: Float = 1, using rng: inout Xoshiro256) -> Tensor {
    let out = Tensor(uninitializedShape: shape)
    let p = out.storage.pointer
    for i in 0..<out.count { p[i] = mean + std * Float(rng.nextNormal()) }
    return out
  }

  /// Uniform samples in `[low, high)`, drawn in row-major order.
  public static func uniform(
    _ shape: [Int], low: Float = 0, high: Float = 1, using rng: inout Xoshiro256
  ) -> Tensor {
    let out = Tensor(uninitializedShape: shape)
    let p = out.storage.pointer
    let width = high - low
    for i in 0..<out.count { p[i] = low + width * rng.nextFloat() }
    return out
  }

  /// Returns the large buffers kept for reuse to the system.
  ///
  /// Freed tensor buffers of 64 KiB or more are cached (up to 512 MiB) because training
  /// loops allocate the same sizes every step; call this after a phase that used much memory.
  public static func releaseCachedBuffers() { StoragePool.shared.drain() }
}
