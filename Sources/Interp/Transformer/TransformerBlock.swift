/// One residual block: optional LayerNorm, attention, then (unless attention-only) LayerNorm and MLP.
public final class TransformerBlock: Module {
  public let ln1: TransformerWeights?
  public let attn: AttentionLayer
  public let ln2: TransformerWeights?
  public let mlp: TransformerMLP?
  public let layer: Int

  init(_ config: TransformerConfig, layer: Int, rng: inout Xoshiro256) {
    self.layer = layer
    let d = config.modelDimension
    func norm() -> TransformerWeights { TransformerWeights([("w", Tensor.ones([d])), ("b", Tensor.zeros([d]))]) }
    ln1 = config.layerNorm ? norm() : nil
    attn = AttentionLayer(config, rng: &rng)
    ln2 = config.layerNorm && !config.attentionOnly ? norm() : nil
    mlp = config.attentionOnly ? nil : TransformerMLP(config, rng: &rng)
  }

  public var children: [(name: String, module: any Module)] {
    var result: [(name: String, module: any Module)] = []
    if let ln1 { result.append(("ln1", ln1)) }
    result.append(("attn", attn))
    if let ln2 { result.append(("ln2", ln2)) }
    if let mlp { result.append(("mlp", mlp)) }
    return result
  }

  func forward(_ residual: Tensor, runner: HookRunner?) throws -> Tensor {
    let pre = try runner.apply(.residPre(layer), residual)
    let attnIn = try normalize(pre, ln1, .ln1Normalized, runner)
    let attnOut = try runner.apply(.attnOut(layer), try attn.forward(attnIn, layer: layer, runner: runner))
    guard let mlp else { return try runner.apply(.residPost(layer), pre + attnOut) }
    let mid = try runner.apply(.residMid(layer), pre + attnOut)
    let mlpIn = try normalize(mid, ln2, .ln2Normalized, runner)
    let mlpOut = try runner.apply(.mlpOut(layer), try mlp.forward(mlpIn, layer: layer, runner: runner))
    return try runner.apply(.residPost(layer), mid + mlpOut)
  }

  private func normalize(
    _ x: Tensor, _ weights: TransformerWeights?, _ site: HookPoint.Site, _ runner: HookRunner?
  ) throws -> Tensor {
    guard let weights else { return x }
    return try TransformerBlock.layerNorm(x, weights, HookPoint(site, layer: layer), runner)
  }

  /// LayerNorm whose hook sees the normalised value before the gain and bias, as in TransformerLens.
  static func layerNorm(_ x: Tensor, _ weights: TransformerWeights, _ point: HookPoint, _ runner: HookRunner?) throws
    -> Tensor
  {
    let normalized = try runner.apply(point, x.layerNorm())
    return normalized * weights.required("w") + weights.required("b")
  }
}
