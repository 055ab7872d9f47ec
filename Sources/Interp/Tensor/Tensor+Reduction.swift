/// Reductions over axes: sum, mean, max, min, argmax.
extension Tensor {
  /// Sum over `axes` (all axes when `nil`), optionally keeping reduced axes as size 1.
  public func sum(axes: [Int]? = nil, keepDims: Bool = false) -> Tensor {
    let reduced = reducedAxes(axes, op: "sum")
    let value = Tensor.reduce(detached(), axes: reduced, keepDims: keepDims, kind: .sum)
    let inputShape = shape
    let keptShape = Tensor.keptShape(shape, reduced)
    return Tensor.record(value, op: "sum", inputs: [self]) { g in
      [g.reshaped(keptShape).expanded(to: inputShape)]
    }
  }

  /// Sum over one axis.
  public func sum(axis: Int, keepDims: Bool = false) -> Tensor { sum(axes: [axis], keepDims: keepDims) }

  /// Mean over `axes` (all axes when `nil`).
  public func mean(axes: [Int]? = nil, keepDims: Bool = false) -> Tensor {
    let reduced = reducedAxes(axes, op: "mean")
    let n = reduced.reduce(1) { $0 * shape[$1] }
    return sum(axes: reduced, keepDims: keepDims) * (1 / Float(Swift.max(n, 1)))
  }

  /// Mean over one axis.
  public func mean(axis: Int, keepDims: Bool = false) -> Tensor { mean(axes: [axis], keepDims: keepDims) }

  /// Maximum over `axes` (all when `nil`); the gradient is shared equally among tied maxima.
  public func max(axes: [Int]? = nil, keepDims: Bool = false) -> Tensor {
    extremum(axes, keepDims: keepDims, kind: .max, op: "max")
  }

  /// Maximum over one axis.
  public func max(axis: Int, keepDims: Bool = false) -> Tensor { max(axes: [axis], keepDims: keepDims) }

  /// Minimum over `axes` (all when `nil`); the gradient is shared equally among tied minima.
  public func min(axes: [Int]? = nil, keepDims: Bool = false) -> Tensor {
    extremum(axes, keepDims: keepDims, kind: .min, op: "min")
  }

  /// Minimum over one axis.
  public func min(axis: Int, keepDims: Bool = false) -> Tensor { min(axes: [axis], keepDims: keepDims) }

  /// Indices of the first maximum along `axis`, as a tensor of whole numbers (no gradient).
  public func argmax(axis: Int, keepDims: Bool = false) -> Tensor {
    let a = ShapeMath.axis(axis, rank: rank, op: "argmax")
    let dense = detached().contiguous()
    let n = shape[a]
    check(n > 0, "argmax: axis \(axis) of shape \(shape) is empty")
    let outer = shape[..<a].reduce(1, *)
    let inner = shape[(a + 1)...].reduce(1, *)
    var outShape = shape
    outShape[a] = 1
    let out = Tensor(uninitializedShape: outShape)
    let x = UnsafePointer(dense.basePointer)
    let po = out.storage.pointer
    for o in 0..<outer {
      for i in 0..<inner {
        var best = x[o * n * inner + i]
        var bestIndex = 0
        for j in 1..<Swift.max(n, 1) {
          let v = x[(o * n + j) * inner + i]
          if v > best || (best.isNaN == false && v.isNaN) {
            best = v
            bestIndex = j
          }
        }
        po[o * inner + i] = Float(bestIndex)
      }
    }
    return keepDims ? out : out.squeezed(a)
  }

  /// Indices of the first maximum along `axis` as integers, in row-major order.
  public func argmaxIndices(axis: Int) -> [Int] { argmax(axis: axis).toArray().map { Int($0) } }

  // MARK: - Kernels

  enum ReductionKind { case sum, max, min }

  private func reducedAxes(_ axes: [Int]?, op: String) -> [Int] {
    guard let axes else { return Array(0..<rank) }
    let resolved = Set(axes.map { ShapeMath.axis($0, rank: rank, op: op) })
    return resolved.sorted()
  }

  static func keptShape(_ shape: [Int], _ axes: [Int]) -> [Int] {
    var kept = shape
    for a in axes { kept[a] = 1 }
    return kept
  }

  private func extremum(_ axes: [Int]?, keepDims: Bool, kind: ReductionKind, op: String) -> Tensor {
    let reduced = reducedAxes(axes, op: op)
    for a in reduced { check(shape[a] > 0, "\(op): cannot reduce empty axis \(a) of shape \(shape)") }
    let x = detached()
    let kept = Tensor.reduce(x, axes: reduced, keepDims: true, kind: kind)
    let value = keepDims ? kept : kept.reshaped(Tensor.reducedShape(shape, reduced))
    let keptShape = kept.shape
    return Tensor.record(value, op: op, inputs: [self]) { g in
      let mask = Tensor.broadcastMap(x, kept, EqualKernel.self, op: op)
      let ties = mask.sum(axes: reduced, keepDims: true)
      return [mask * (g.reshaped(keptShape) / ties)]
    }
  }

  static func reducedShape(_ shape: [Int], _ axes: [Int]) -> [Int] {
    shape.indices.filter { !axes.contains($0) }.map { shape[$0] }
  }

  /// Reduces sorted, unique `axes` of `x` without recording gradients.
  static func reduce(_ x: Tensor, axes: [Int], keepDims: Bool, kind: ReductionKind) -> Tensor {
    if axes.isEmpty { return x.clone() }
    // Adjacent reduced axes of a contiguous tensor are one axis: reducing them in one pass
    // saves a pass and an intermediate (a bias gradient over [batch, pos, d] reads once).
    var merged: [Int] = []
    var mergedAxes: [Int] = []
    for axis in x.shape.indices {
      if axes.contains(axis), axis > 0, axes.contains(axis - 1) {
        merged[merged.count - 1] *= x.shape[axis]
      } else {
        if axes.contains(axis) { mergedAxes.append(merged.count) }
        merged.append(x.shape[axis])
      }
    }
    var current = x.contiguous().reshaped(merged)
    // Reduce from the last axis so earlier axis numbers stay valid.
    for a in mergedAxes.reversed() { current = reduceAxis(current, a, kind: kind) }
    return current.reshaped(keepDims ? keptShape(x.shape, axes) : reducedShape(x.shape, axes))
  }

  /// Reduces one axis of a contiguous tensor, keeping it as size 1.
  private static func reduceAxis(_ x: Tensor, _ axis: Int, kind: ReductionKind) -> Tensor {
    let n = x.shape[axis]
    let outer = x.shape[..<axis].reduce(1, *)
    let inner = x.shape[(axis + 1)...].reduce(1, *)
    var outShape = x.shape
    outShape[axis] = 1
    let out = Tensor(uninitializedShape: outShape)
    let src = UnsafePointer(x.basePointer)
    let dst = out.storage.pointer
    if inner == 1 {
      Parallel.forEachChunk(outer, elementsPerItem: n) { rows in
      for o in rows {
        let row = src + o * n
        switch kind {
        case .sum: dst[o] = sumContiguous(row, n)
        case .max:
          var m = -Float.infinity
          for j in 0..<n { m = row[j] > m || row[j].isNaN ? row[j] : m }
          dst[o] = m
        case .min:
          var m = Float.infinity
          for j in 0..<n { m = row[j] < m || row[j].isNaN ? row[j] : m }
          dst[o] = m
        }
      }
      }
      return out
    }
    // Columns are independent, so they may be split across threads; each column is still
    // reduced in row order. One block of columns per thread: blocks are read row by row, and
    // wider blocks keep those reads long and contiguous.
    Parallel.forEachChunk(inner, elementsPerItem: outer * n, partsPerThread: 1) { columns in
      let width = columns.count
      for o in 0..<outer {
        let block = src + o * n * inner + columns.lowerBound
        let target = dst + o * inner + columns.lowerBound
        if n == 0 {
          target.update(repeating: kind == .sum ? 0 : (kind == .max ? -.infinity : .infinity), count: width)
          continue
        }
        target.update(from: block, count: width)
        for j in 1..<Swift.max(n, 1) {
          let row = block + j * inner
          switch kind {
          case .sum: for i in 0..<width { target[i] += row[i] }
          case .max: for i in 0..<width where row[i] > target[i] || row[i].isNaN { target[i] = row[i] }
          case .min: for i in 0..<width where row[i] < target[i] || row[i].isNaN { target[i] = row[i] }
          }
        }
      }
    }
    return out
  }

  /// Sums `n` floats with eight partial sums per block and `Double` across blocks, which keeps
  /// the error near numpy's pairwise summation while vectorising.
  static func sumContiguous(_ p: UnsafePointer<Float>, _ n: Int) -> Float {
    var total: Double = 0
    var start = 0
    while start < n {
      let end = Swift.min(start + 4096, n)
      var lanes: (Float, Float, Float, Float, Float, Float, Float, Float) = (0, 0, 0, 0, 0, 0, 0, 0)
      var i = start
      while i + 8 <= end {
        lanes.0 += p[i]
        lanes.1 += p[i + 1]
        lanes.2 += p[i + 2]
        lanes.3 += p[i + 3]
        lanes.4 += p[i + 4]
        lanes.5 += p[i + 5]
        lanes.6 += p[i + 6]
        lanes.7 += p[i + 7]
        i += 8
      }
      var block = Double(lanes.0 + lanes.4) + Double(lanes.1 + lanes.5) + Double(lanes.2 + lanes.6)
        + Double(lanes.3 + lanes.7)
      while i < end {
        block += Double(p[i])
        i += 1
      }
      total += block
      start = end
    }
    return Float(total)
  }
}
