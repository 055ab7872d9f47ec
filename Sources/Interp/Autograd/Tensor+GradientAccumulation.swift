extension Tensor {
  /// Adds `K(g, x)` (with `g` broadcast to `x`'s shape) to the gradient gathered in `slot`, for
  /// elementwise backward rules such as ReLU's `g · [x > 0]`.
  ///
  /// Where it can, the sum is formed in one pass without a new buffer: into `slot` when it
  /// already holds a gradient that nothing else references, or into `g` itself when there is
  /// none yet and `g` is such a buffer. Otherwise it falls back to computing `K(g, x)` and adding.
  /// Every case computes each element as `slot + K(g, x)` in single precision, so the result is
  /// the same whichever path runs.
  static func accumulateMap<K: BinaryKernel>(
    _ g: inout Tensor, _ x: Tensor, _ kernel: K.Type, into slot: inout Tensor?, op: String
  ) {
    let shape = x.shape
    let fusable = x.isContiguous && ShapeMath.broadcast(g.shape, shape, op: op) == shape
    if fusable, var total = slot.take() {
      if isOwnedDense(&total, shape: shape) {
        addMapped(into: total, g, x, kernel)
        slot = total
        return
      }
      slot = total
    }
    if fusable, slot == nil, isOwnedDense(&g, shape: shape) {
      let target = g.storage.pointer
      let source = UnsafePointer(x.basePointer)
      Parallel.forEachChunk(g.count) { range in
        for i in range { target[i] = K.apply(target[i], source[i]) }
      }
      slot = g
      return
    }
    accumulate(broadcastMap(g, x, kernel, op: op), into: &slot)
  }

  /// `total += K(g, x)` for a dense `total` and contiguous `x` of one shape, `g` broadcast to it.
  private static func addMapped<K: BinaryKernel>(into total: Tensor, _ g: Tensor, _ x: Tensor, _: K.Type) {
    let target = total.storage.pointer
    let source = UnsafePointer(x.basePointer)
    let gradient = UnsafePointer(g.storage.pointer)
    if g.shape == x.shape && g.isContiguous {
      let gradientBase = gradient + g.offset
      Parallel.forEachChunk(total.count) { range in
        for i in range { target[i] += K.apply(gradientBase[i], source[i]) }
      }
      return
    }
    let loop = StridedLoop(shape: x.shape, strides: [total.strides, broadcastStrides(g, to: x.shape)])
    let n = loop.innerCount
    let inner = loop.innerStride(1)
    Parallel.forEachChunk(loop.outerCount, elementsPerItem: n) { runs in
      loop.forEachRun(runs, 0, g.offset, 0) { t, s, _ in
        let out = target + t
        let x = source + t
        let grad = gradient + s
        if inner == 0 {
          let value = grad[0]
          for i in 0..<n { out[i] += K.apply(value, x[i]) }
        } else if inner == 1 {
          for i in 0..<n { out[i] += K.apply(grad[i], x[i]) }
        } else {
          for i in 0..<n { out[i] += K.apply(grad[i * inner], x[i]) }
        }
      }
    }
  }
}
