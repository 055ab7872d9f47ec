/// Common training losses, built from differentiable primitives.
extension Tensor {
  /// Mean cross-entropy of `logits` `[n, classes]` against integer `targets` (length `n`).
  public func crossEntropy(targets: [Int]) -> Tensor {
    check(rank == 2, "crossEntropy: logits must be [n, classes], got shape \(shape)")
    check(
      targets.count == shape[0],
      "crossEntropy: \(targets.count) targets for logits of shape \(shape)")
    return -logSoftmax(axis: 1).gather(axis: 1, targets).mean()
  }

  /// Mean squared error against `target` (broadcast).
  public func mseLoss(_ target: Tensor) -> Tensor { (self - target).square().mean() }
}
