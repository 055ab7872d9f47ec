/// Composite reductions built from differentiable primitives.
extension Tensor {
  /// `log Σ exp(x)` along `axis`, computed stably by subtracting the maximum.
  public func logSumExp(axis: Int = -1, keepDims: Bool = false) -> Tensor {
    let m = detached().max(axis: axis, keepDims: true)
    let finite = Tensor.select(m.equal(-.infinity), Tensor(0), m)
    let kept = (self - finite).exp().sum(axis: axis, keepDims: true).log() + finite
    return keepDims ? kept : kept.squeezed(axis)
  }

  /// Mean of squared deviations over `axes` (all when `nil`), with `correction` subtracted
  /// from the count (0: population variance, as numpy's default; 1: sample variance).
  public func variance(axes: [Int]? = nil, keepDims: Bool = false, correction: Int = 0) -> Tensor {
    let reduced = axes ?? Array(0..<rank)
    let n = reduced.reduce(1) { $0 * shape[ShapeMath.axis($1, rank: rank, op: "variance")] }
    let centered = self - mean(axes: reduced, keepDims: true)
    return centered.square().sum(axes: reduced, keepDims: keepDims) / Float(Swift.max(n - correction, 1))
  }

  /// Euclidean norm over `axes` (all when `nil`).
  public func norm(axes: [Int]? = nil, keepDims: Bool = false) -> Tensor {
    square().sum(axes: axes, keepDims: keepDims).sqrt()
  }
}
