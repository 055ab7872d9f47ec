import Foundation

/// Softmax and log-softmax along an axis, computed stably (the row maximum is subtracted).
extension Tensor {
  /// `exp(x) / Σ exp(x)` along `axis`.
  public func softmax(axis: Int = -1) -> Tensor {
    let a = ShapeMath.axis(axis, rank: rank, op: "softmax")
    let y = Tensor.alongLastAxis(detached(), a) { Tensor.softmaxRows($0, log: false) }
    return Tensor.record(y, op: "softmax", inputs: [self]) { g in
      [y * (g - (g * y).sum(axis: a, keepDims: true))]
    }
  }

  /// `x − log Σ exp(x)` along `axis`.
  public func logSoftmax(axis: Int = -1) -> Tensor {
    let a = ShapeMath.axis(axis, rank: rank, op: "logSoftmax")
    let y = Tensor.alongLastAxis(detached(), a) { Tensor.softmaxRows($0, log: true) }
    return Tensor.record(y, op: "logSoftmax", inputs: [self]) { g in
      [g - y.exp() * g.sum(axis: a, keepDims: true)]
    }
  }

  /// Applies a last-axis row kernel to axis `a` by moving it last and back (no recording).
  static func alongLastAxis(_ x: Tensor, _ a: Int, _ kernel: (Tensor) -> Tensor) -> Tensor {
    if a == x.rank - 1 { return kernel(x.contiguous()) }
    var order = Array(0..<x.rank)
    order.remove(at: a)
    order.append(a)
    var inverse = [Int](repeating: 0, count: x.rank)
    for (i, o) in order.enumerated() { inverse[o] = i }
    return kernel(x.permuted(order).contiguous()).permuted(inverse).contiguous()
  }

  private static func softmaxRows(_ x: Tensor, log: Bool) -> Tensor {
    let n = x.shape.last ?? 1
    let rows = n == 0 ? 0 : x.count / n
    let out = Tensor(uninitializedShape: x.shape)
    let src = UnsafePointer(x.basePointer)
    let dst = out.storage.pointer
    for r in 0..<rows {
      let xr = src + r * n
      let yr = dst + r * n
      var m = -Float.infinity
      for j in 0..<n where xr[j] > m { m = xr[j] }
      if m == -.infinity { m = 0 }
      var total: Float = 0
      for j in 0..<n {
        let e = expf(xr[j] - m)
        yr[j] = e
        total += e
      }
      if log {
        let lse = m + logf(total)
        for j in 0..<n { yr[j] = xr[j] - lse }
      } else {
        let inv = 1 / total
        for j in 0..<n { yr[j] *= inv }
      }
    }
    return out
  }
}
