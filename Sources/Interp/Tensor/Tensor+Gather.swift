/// Integer-indexed operations: one-hot encoding, index selection, per-position gathering.
extension Tensor {
  /// One-hot rows: `result[i, c] = 1` where `c == classes[i]`, shape `[classes.count, depth]`.
  public static func oneHot(_ classes: [Int], depth: Int) -> Tensor {
    let out = zeros([classes.count, depth])
    for (i, c) in classes.enumerated() {
      check(c >= 0 && c < depth, "oneHot: class \(c) at position \(i) is outside 0..<\(depth)")
      out.storage.pointer[i * depth + c] = 1
    }
    return out
  }

  /// Selects entries `indices` along `axis` (like `torch.index_select`); indices may repeat.
  ///
  /// The result has `indices.count` in place of the axis. The gradient adds back into the
  /// selected positions (repeated indices accumulate).
  public func indexSelect(axis: Int, _ indices: [Int]) -> Tensor {
    let a = ShapeMath.axis(axis, rank: rank, op: "indexSelect")
    let size = shape[a]
    for i in indices {
      check(i >= 0 && i < size, "indexSelect: index \(i) is outside 0..<\(size) on axis \(axis) of shape \(shape)")
    }
    let x = detached().contiguous()
    let outer = shape[..<a].reduce(1, *)
    let inner = shape[(a + 1)...].reduce(1, *)
    var outShape = shape
    outShape[a] = indices.count
    let out = Tensor(uninitializedShape: outShape)
    let src = UnsafePointer(x.basePointer)
    let dst = out.storage.pointer
    for o in 0..<outer {
      for (j, i) in indices.enumerated() {
        (dst + (o * indices.count + j) * inner).update(from: src + (o * size + i) * inner, count: inner)
      }
    }
    let inputShape = shape
    return Tensor.record(out, op: "indexSelect", inputs: [self]) { g in
      let gd = g.contiguous()
      let full = Tensor.zeros(inputShape)
      let pg = UnsafePointer(gd.basePointer)
      let pf = full.storage.pointer
      for o in 0..<outer {
        for (j, i) in indices.enumerated() {
          let target = pf + (o * size + i) * inner
          let source = pg + (o * indices.count + j) * inner
          for e in 0..<inner { target[e] += source[e] }
        }
      }
      return [full]
    }
  }

  /// Picks one entry along `axis` per position (like `torch.gather` with a size-1 index axis).
  ///
  /// `indices` lists, in row-major order over the other axes, which entry to take; the result
  /// has the axis removed. For logits `[n, classes]`, `gather(axis: 1, labels)` gives `[n]`.
  public func gather(axis: Int, _ indices: [Int]) -> Tensor {
    let a = ShapeMath.axis(axis, rank: rank, op: "gather")
    let size = shape[a]
    let outer = shape[..<a].reduce(1, *)
    let inner = shape[(a + 1)...].reduce(1, *)
    check(
      indices.count == outer * inner,
      "gather: \(indices.count) indices given, but shape \(shape) without axis \(axis) has \(outer * inner) positions")
    for i in indices {
      check(i >= 0 && i < size, "gather: index \(i) is outside 0..<\(size) on axis \(axis) of shape \(shape)")
    }
    let x = detached().contiguous()
    var outShape = shape
    outShape.remove(at: a)
    let out = Tensor(uninitializedShape: outShape)
    let src = UnsafePointer(x.basePointer)
    let dst = out.storage.pointer
    for o in 0..<outer {
      for e in 0..<inner {
        dst[o * inner + e] = src[(o * size + indices[o * inner + e]) * inner + e]
      }
    }
    let inputShape = shape
    return Tensor.record(out, op: "gather", inputs: [self]) { g in
      let gd = g.contiguous()
      let full = Tensor.zeros(inputShape)
      let pg = UnsafePointer(gd.basePointer)
      let pf = full.storage.pointer
      for o in 0..<outer {
        for e in 0..<inner {
          pf[(o * size + indices[o * inner + e]) * inner + e] += pg[o * inner + e]
        }
      }
      return [full]
    }
  }
}
