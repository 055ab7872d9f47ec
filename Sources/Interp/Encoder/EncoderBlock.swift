/// One post-LayerNorm encoder block (BERT): attention, add and normalise, MLP, add and normalise.
///
/// As in TransformerLens's `BertBlock`, `ln1` normalises the residual after attention
/// (`hook_resid_mid`) and `ln2` the residual after the MLP (`hook_resid_post`); the block's
/// output, and the next block's `hook_resid_pre`, is `ln2`'s output.
public final class EncoderBlock: Module {
  public let attn: EncoderAttention
  public let ln1: TransformerWeights
  public let mlp: EncoderMLP
  public let ln2: TransformerWeights
  public let layer: Int
  let epsilon: Float

  init(_ config: EncoderConfig, layer: Int, rng: inout Xoshiro256) {
    self.layer = layer
    epsilon = config.layerNormEpsilon
    let d = config.modelDimension
    attn = EncoderAttention(config, rng: &rng)
    ln1 = TransformerWeights([("w", Tensor.ones([d])), ("b", Tensor.zeros([d]))])
    mlp = EncoderMLP(config, rng: &rng)
    ln2 = TransformerWeights([("w", Tensor.ones([d])), ("b", Tensor.zeros([d]))])
  }

  public var children: [(name: String, module: any Module)] {
    [("attn", attn), ("ln1", ln1), ("mlp", mlp), ("ln2", ln2)]
  }

  func forward(_ residual: Tensor, padding: Tensor?, runner: HookRunner?) throws -> Tensor {
    let pre = try runner.apply(.residPre(layer), residual)
    let attnOut = try runner.apply(.attnOut(layer), try attn.forward(pre, padding: padding, layer: layer, runner: runner))
    let mid = try runner.apply(.residMid(layer), pre + attnOut)
    let mlpIn = try EncoderBlock.layerNorm(mid, ln1, HookPoint(.ln1Normalized, layer: layer), epsilon, runner)
    let mlpOut = try runner.apply(.mlpOut(layer), try mlp.forward(mlpIn, layer: layer, runner: runner))
    let post = try runner.apply(.residPost(layer), mlpIn + mlpOut)
    return try EncoderBlock.layerNorm(post, ln2, HookPoint(.ln2Normalized, layer: layer), epsilon, runner)
  }

  /// LayerNorm whose hook sees the normalised value before the gain and bias, as in
  /// TransformerLens; with nothing at the hook the fused form runs.
  static func layerNorm(
    _ x: Tensor, _ weights: TransformerWeights, _ point: HookPoint, _ epsilon: Float, _ runner: HookRunner?
  ) throws -> Tensor {
    guard let runner, runner.wants(point) else {
      return x.layerNorm(weight: weights.required("w"), bias: weights.required("b"), eps: epsilon)
    }
    let normalized = try runner.apply(point, x.layerNorm(eps: epsilon))
    return normalized * weights.required("w") + weights.required("b")
  }
}
