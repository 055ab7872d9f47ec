/// Layer normalisation over the last axis with a learned scale and shift.
public final class LayerNorm: Module {
  /// Scale `[dimension]`, starting at 1.
  public var weight: Tensor
  /// Shift `[dimension]`, starting at 0.
  public var bias: Tensor
  /// Added to the variance for stability.
  public let eps: Float

  public init(_ dimension: Int, eps: Float = 1e-5) {
    weight = Tensor.ones([dimension]).requiringGrad()
    bias = Tensor.zeros([dimension]).requiringGrad()
    self.eps = eps
  }

  public var localParameters: [(name: String, tensor: Tensor)] { [("weight", weight), ("bias", bias)] }

  public func callAsFunction(_ x: Tensor) -> Tensor { x.layerNorm(weight: weight, bias: bias, eps: eps) }
}
