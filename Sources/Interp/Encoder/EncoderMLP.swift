/// An encoder block's MLP, `W_out·act(W_in·x + b_in) + b_out`, in TransformerLens's layout.
///
/// `W_in` is `[d_model, d_mlp]` and `W_out` is `[d_mlp, d_model]`.
public final class EncoderMLP: Module {
  public let W_in: Tensor
  public let b_in: Tensor
  public let W_out: Tensor
  public let b_out: Tensor
  public let activation: Activation

  init(_ config: EncoderConfig, rng: inout Xoshiro256) {
    let (d, m) = (config.modelDimension, config.mlpDimension)
    W_in = Tensor.scaledNormal([d, m], fanIn: d, using: &rng).requiringGrad()
    b_in = Tensor.zeros([m]).requiringGrad()
    W_out = Tensor.scaledNormal([m, d], fanIn: m, using: &rng).requiringGrad()
    b_out = Tensor.zeros([d]).requiringGrad()
    activation = config.activation
  }

  public var localParameters: [(name: String, tensor: Tensor)] {
    [("W_in", W_in), ("b_in", b_in), ("W_out", W_out), ("b_out", b_out)]
  }

  func forward(_ x: Tensor, layer: Int, runner: HookRunner?) throws -> Tensor {
    let pre = try runner.apply(.mlpPre(layer), x.matmul(W_in, adding: b_in))
    let post = try runner.apply(.mlpPost(layer), activation(pre))
    return post.matmul(W_out, adding: b_out)
  }
}
