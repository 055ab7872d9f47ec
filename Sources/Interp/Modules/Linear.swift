/// A fully connected layer `y = x·Wᵀ + b`, with PyTorch's weight layout `[out, in]`.
///
/// Weights and bias start uniform in `±1/√in` (PyTorch's default for `nn.Linear`). The
/// transposed weight is passed to BLAS as a transposed operand, so no copy is made.
public final class Linear: Module {
  /// `[outFeatures, inFeatures]`.
  public var weight: Tensor
  /// `[outFeatures]`, or `nil` without bias.
  public var bias: Tensor?

  public init(_ inFeatures: Int, _ outFeatures: Int, bias: Bool = true, rng: inout Xoshiro256) {
    let bound = 1 / Float(inFeatures).squareRoot()
    weight = Tensor.uniform([outFeatures, inFeatures], low: -bound, high: bound, using: &rng).requiringGrad()
    self.bias = bias ? Tensor.uniform([outFeatures], low: -bound, high: bound, using: &rng).requiringGrad() : nil
  }

  /// Wraps existing tensors (they become parameters).
  public init(weight: Tensor, bias: Tensor?) {
    check(weight.rank == 2, "Linear: weight must be [out, in], got shape \(weight.shape)")
    if let bias {
      check(bias.shape == [weight.shape[0]], "Linear: bias shape \(bias.shape) does not match weight \(weight.shape)")
    }
    self.weight = weight.requiringGrad()
    self.bias = bias?.requiringGrad()
  }

  public var localParameters: [(name: String, tensor: Tensor)] {
    [("weight", weight)] + (bias.map { [("bias", $0)] } ?? [])
  }

  /// Applies the layer to `x` of shape `[..., in]`, giving `[..., out]`.
  public func callAsFunction(_ x: Tensor) -> Tensor {
    check(
      x.shape.last == weight.shape[1],
      "Linear: input shape \(x.shape) does not end in the layer's input size \(weight.shape[1])")
    if let bias, x.rank >= 2 { return x.matmul(weight.mT, adding: bias) }
    let y = x.matmul(weight.mT)
    return bias.map { y + $0 } ?? y
  }
}
