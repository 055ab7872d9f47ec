/// A transformer block's MLP, `W_out·act(W_in·x + b_in) + b_out`, in TransformerLens's layout.
///
/// `W_in` is `[d_model, d_mlp]` and `W_out` is `[d_mlp, d_model]`. A gated MLP (Llama's SwiGLU)
/// adds `W_gate` `[d_model, d_mlp]` and computes `W_out·(act(x·W_gate) ⊙ (x·W_in + b_in)) + b_out`.
public final class TransformerMLP: Module {
  public let W_in: Tensor
  public let b_in: Tensor
  /// The gate's weights `[d_model, d_mlp]` in a gated MLP, else `nil`.
  public let W_gate: Tensor?
  public let W_out: Tensor
  public let b_out: Tensor
  public let activation: Activation

  init(W_in: Tensor, b_in: Tensor, W_gate: Tensor?, W_out: Tensor, b_out: Tensor, activation: Activation) {
    (self.W_in, self.b_in, self.W_gate, self.W_out, self.b_out) = (W_in, b_in, W_gate, W_out, b_out)
    self.activation = activation
  }

  convenience init(_ config: TransformerConfig, rng: inout Xoshiro256) {
    let (d, m) = (config.modelDimension, config.mlpDimension)
    let W_in = Tensor.scaledNormal([d, m], fanIn: d, using: &rng).requiringGrad()
    let gate = config.gatedMLP ? Tensor.scaledNormal([d, m], fanIn: d, using: &rng).requiringGrad() : nil
    self.init(
      W_in: W_in, b_in: Tensor.zeros([m]).requiringGrad(), W_gate: gate,
      W_out: Tensor.scaledNormal([m, d], fanIn: m, using: &rng).requiringGrad(), b_out: Tensor.zeros([d]).requiringGrad(),
      activation: config.activation)
  }

  public var localParameters: [(name: String, tensor: Tensor)] {
    var result: [(name: String, tensor: Tensor)] = [("W_in", W_in), ("b_in", b_in)]
    if let W_gate { result.append(("W_gate", W_gate)) }
    return result + [("W_out", W_out), ("b_out", b_out)]
  }

  func forward(_ x: Tensor, layer: Int, runner: HookRunner?) throws -> Tensor {
    guard let W_gate else {
      let pre = try runner.apply(.mlpPre(layer), x.matmul(W_in, adding: b_in))
      let post = try runner.apply(.mlpPost(layer), activation(pre))
      return post.matmul(W_out, adding: b_out)
    }
    // TransformerLens's gated MLP: hook_pre is the gate, hook_pre_linear the linear branch.
    let pre = try runner.apply(.mlpPre(layer), x.matmul(W_gate))
    let linear = try runner.apply(.mlpPreLinear(layer), x.matmul(W_in, adding: b_in))
    let post = try runner.apply(.mlpPost(layer), activation(pre) * linear)
    return post.matmul(W_out, adding: b_out)
  }
}
