/// A lookup table mapping integer ids to learned vectors (`torch.nn.Embedding`).
public final class Embedding: Module {
  /// `[count, dimension]`, initialised standard normal as in PyTorch.
  public var weight: Tensor

  public init(_ count: Int, _ dimension: Int, rng: inout Xoshiro256) {
    weight = Tensor.randn([count, dimension], using: &rng).requiringGrad()
  }

  public var localParameters: [(name: String, tensor: Tensor)] { [("weight", weight)] }

  /// The vectors for `ids`, shape `shape + [dimension]` (default `[ids.count, dimension]`).
  public func callAsFunction(_ ids: [Int], shape: [Int]? = nil) -> Tensor {
    let rows = weight.indexSelect(axis: 0, ids)
    guard let shape else { return rows }
    check(
      ShapeMath.count(shape) == ids.count,
      "Embedding: shape \(shape) does not hold the \(ids.count) ids given")
    return rows.reshaped(shape + [weight.shape[1]])
  }
}
