/// Masked filling, causal masks and top-k selection (attention and sparse autoencoders).
extension Tensor {
  /// Replaces elements where `mask` (broadcast) is non-zero by `value`; no gradient flows to
  /// the replaced positions.
  ///
  /// ```swift
  /// let scores = q.matmul(k.mT).maskedFill(Tensor.causalMask(t), -.infinity)
  /// ```
  public func maskedFill(_ mask: Tensor, _ value: Float) -> Tensor {
    let outShape = ShapeMath.broadcast(shape, mask.shape, op: "maskedFill")
    check(outShape == shape, "maskedFill: mask shape \(mask.shape) does not broadcast to tensor shape \(shape)")
    let keep = Tensor.broadcastMap(mask.detached(), Tensor(0), EqualKernel.self, op: "maskedFill")
    let x = detached().contiguous()
    let keepDense = keep.expanded(to: shape).contiguous()
    let out = Tensor(uninitializedShape: shape)
    let px = UnsafePointer(x.basePointer)
    let pk = UnsafePointer(keepDense.basePointer)
    let po = out.storage.pointer
    for i in 0..<count { po[i] = pk[i] != 0 ? px[i] : value }
    return Tensor.record(out, op: "maskedFill", inputs: [self]) { g in [g * keepDense] }
  }

  /// A `[n, n]` mask that is 1 above the diagonal (future positions) and 0 elsewhere.
  public static func causalMask(_ n: Int) -> Tensor {
    let out = zeros([n, n])
    for i in 0..<n {
      for j in (i + 1)..<Swift.max(n, i + 1) { out.storage.pointer[i * n + j] = 1 }
    }
    return out
  }

  /// A `[rows, columns]` mask that is 1 where key `j` lies after query `i`'s position
  /// `offset + i` (queries continuing `offset` earlier positions, as with a key-value cache).
  public static func causalMask(rows: Int, columns: Int, offset: Int) -> Tensor {
    let out = zeros([rows, columns])
    for i in 0..<rows {
      for j in Swift.min(columns, offset + i + 1)..<columns { out.storage.pointer[i * columns + j] = 1 }
    }
    return out
  }

  /// The `k` largest entries along `axis`, in descending order, and their indices.
  ///
  /// Ties keep the lower index first. The gradient of `values` flows back to the selected
  /// positions; `indices` lists positions along `axis` in row-major order of the result.
  public func topK(_ k: Int, axis: Int = -1) -> (values: Tensor, indices: [Int]) {
    let a = ShapeMath.axis(axis, rank: rank, op: "topK")
    let n = shape[a]
    check(k >= 0 && k <= n, "topK: k = \(k) is outside 0...\(n) for axis \(axis) of shape \(shape)")
    let x = detached().contiguous()
    let outer = shape[..<a].reduce(1, *)
    let inner = shape[(a + 1)...].reduce(1, *)
    var outShape = shape
    outShape[a] = k
    let values = Tensor(uninitializedShape: outShape)
    var indices = [Int](repeating: 0, count: outer * k * inner)
    let px = UnsafePointer(x.basePointer)
    let pv = values.storage.pointer
    var order = [Int](repeating: 0, count: n)
    for o in 0..<outer {
      for e in 0..<inner {
        for j in 0..<n { order[j] = j }
        let base = o * n * inner + e
        order.sort { lhs, rhs in
          let l = px[base + lhs * inner]
          let r = px[base + rhs * inner]
          return l > r || (l == r && lhs < rhs)
        }
        for j in 0..<k {
          let position = (o * k + j) * inner + e
          indices[position] = order[j]
          pv[position] = px[base + order[j] * inner]
        }
      }
    }
    let inputShape = shape
    let chosen = indices
    let result = Tensor.record(values, op: "topK", inputs: [self]) { g in
      let gd = g.contiguous()
      let full = Tensor.zeros(inputShape)
      let pg = UnsafePointer(gd.basePointer)
      let pf = full.storage.pointer
      for o in 0..<outer {
        for j in 0..<k {
          for e in 0..<inner {
            let position = (o * k + j) * inner + e
            pf[(o * n + chosen[position]) * inner + e] += pg[position]
          }
        }
      }
      return [full]
    }
    return (result, indices)
  }
}
