/// One residual block: optional LayerNorm, attention, then (unless attention-only) LayerNorm and MLP.
public final class TransformerBlock: Module {
  public let ln1: TransformerWeights?
  public let attn: AttentionLayer
  public let ln2: TransformerWeights?
  public let mlp: TransformerMLP?
  public let layer: Int

  init(layer: Int, ln1: TransformerWeights?, attn: AttentionLayer, ln2: TransformerWeights?, mlp: TransformerMLP?) {
    (self.layer, self.ln1, self.attn, self.ln2, self.mlp) = (layer, ln1, attn, ln2, mlp)
  }

  convenience init(_ config: TransformerConfig, layer: Int, rng: inout Xoshiro256) {
    let norm = { TransformerWeights.normalization(config) }
    let attn = AttentionLayer(config, rng: &rng)
    let mlp = config.attentionOnly ? nil : TransformerMLP(config, rng: &rng)
    self.init(
      layer: layer, ln1: config.layerNorm ? norm() : nil, attn: attn,
      ln2: config.layerNorm && !config.attentionOnly ? norm() : nil, mlp: mlp)
  }

  public var children: [(name: String, module: any Module)] {
    var result: [(name: String, module: any Module)] = []
    if let ln1 { result.append(("ln1", ln1)) }
    result.append(("attn", attn))
    if let ln2 { result.append(("ln2", ln2)) }
    if let mlp { result.append(("mlp", mlp)) }
    return result
  }

  func forward(_ residual: Tensor, runner: HookRunner?, cache: KVCache? = nil) throws -> Tensor {
    let pre = try runner.apply(.residPre(layer), residual)
    let attnIn = try normalize(pre, ln1, .ln1Normalized, runner)
    let attnOut = try runner.apply(.attnOut(layer), try attn.forward(attnIn, layer: layer, runner: runner, cache: cache))
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

  /// LayerNorm (or RMSNorm) whose hook sees the normalised value before the gain and bias, as
  /// in TransformerLens.
  static func layerNorm(_ x: Tensor, _ weights: TransformerWeights, _ point: HookPoint, _ runner: HookRunner?) throws
    -> Tensor
  {
    let (kind, epsilon) = weights.normalization
    switch kind {
    case .layerNorm:
      let normalized = try runner.apply(point, x.layerNorm(eps: epsilon))
      return normalized * weights.required("w") + weights.required("b")
    case .rmsNorm:
      let scale = (x.square().mean(axis: -1, keepDims: true) + epsilon).sqrt()
      return try runner.apply(point, x / scale) * weights.required("w")
    }
  }
}
