/// A small decoder-only transformer whose every activation is a named ``HookPoint``.
///
/// Modelled on TransformerLens's `HookedTransformer`: token and positional embeddings, causal
/// multi-head attention, an MLP (unless ``TransformerConfig/attentionOnly``), optional
/// LayerNorm, and an unembedding. Parameters carry TransformerLens names (`embed.W_E`,
/// `blocks.0.attn.W_Q`, …) and train with any optimiser through autograd.
///
/// ```swift
/// var rng = Xoshiro256(seed: 0)
/// let config = TransformerConfig(vocabularySize: 10, contextLength: 8, modelDimension: 32, headCount: 4)
/// let model = try HookedTransformer(config, rng: &rng)
/// let (logits, cache) = try model.runWithCache([[1, 2, 3]])
/// let pattern = try cache[.attnPattern(0)]   // [1, 4, 3, 3]
/// ```
public final class HookedTransformer: Module {
  public let config: TransformerConfig
  /// `W_E`, `[d_vocab, d_model]`.
  public let embed: TransformerWeights
  /// `W_pos`, `[n_ctx, d_model]`.
  public let posEmbed: TransformerWeights
  public let blocks: [TransformerBlock]
  /// Final LayerNorm (`w`, `b`), present when the config asks for LayerNorm.
  public let lnFinal: TransformerWeights?
  /// `W_U` `[d_model, d_vocab]` and `b_U` `[d_vocab]`.
  public let unembed: TransformerWeights

  /// A model with weights drawn from `rng` (normal, standard deviation `1/√fan-in`; zero biases).
  ///
  /// - Throws: ``TransformerError/invalidConfig(_:)`` for non-positive sizes.
  public init(_ config: TransformerConfig, rng: inout Xoshiro256) throws {
    if let problem = config.validationProblem() { throw TransformerError.invalidConfig(problem) }
    self.config = config
    let (d, v) = (config.modelDimension, config.vocabularySize)
    embed = TransformerWeights([("W_E", Tensor.scaledNormal([v, d], fanIn: d, using: &rng))])
    posEmbed = TransformerWeights([("W_pos", Tensor.scaledNormal([config.contextLength, d], fanIn: d, using: &rng))])
    var blocks: [TransformerBlock] = []
    for layer in 0..<config.layerCount { blocks.append(TransformerBlock(config, layer: layer, rng: &rng)) }
    self.blocks = blocks
    lnFinal = config.layerNorm ? TransformerWeights([("w", Tensor.ones([d])), ("b", Tensor.zeros([d]))]) : nil
    unembed = TransformerWeights([
      ("W_U", Tensor.scaledNormal([d, v], fanIn: d, using: &rng)), ("b_U", Tensor.zeros([v])),
    ])
  }

  public var children: [(name: String, module: any Module)] {
    var result: [(name: String, module: any Module)] = [("embed", embed), ("pos_embed", posEmbed)]
    for block in blocks { result.append(("blocks.\(block.layer)", block)) }
    if let lnFinal { result.append(("ln_final", lnFinal)) }
    result.append(("unembed", unembed))
    return result
  }

  public var W_E: Tensor { embed.required("W_E") }
  public var W_pos: Tensor { posEmbed.required("W_pos") }
  public var W_U: Tensor { unembed.required("W_U") }
  public var b_U: Tensor { unembed.required("b_U") }

  /// Every hook point of this model, in forward order.
  public var hookPoints: [HookPoint] {
    var points: [HookPoint] = [.embed, .posEmbed]
    for layer in 0..<config.layerCount {
      for site in HookPoint.Site.allCases where site.isPerLayer {
        let point = HookPoint(site, layer: layer)
        if absenceReason(point) == nil { points.append(point) }
      }
    }
    if config.layerNorm { points.append(.lnFinalNormalized) }
    return points
  }

  /// Why `point` does not exist in this model, or `nil` when it does.
  func absenceReason(_ point: HookPoint) -> String? {
    if let layer = point.layer, layer >= config.layerCount {
      return "the model has \(config.layerCount) layer(s), numbered from 0"
    }
    switch point.site {
    case .ln1Normalized, .lnFinalNormalized:
      return config.layerNorm ? nil : "the model has no LayerNorm"
    case .ln2Normalized:
      if config.attentionOnly { return "the model is attention-only" }
      return config.layerNorm ? nil : "the model has no LayerNorm"
    case .residMid, .mlpPre, .mlpPost, .mlpOut:
      return config.attentionOnly ? "the model is attention-only" : nil
    default: return nil
    }
  }

  /// Logits `[batch, pos, d_vocab]`, running hooks and caching through `runner`.
  func forward(_ tokens: [[Int]], runner: HookRunner?) throws -> Tensor {
    let (batch, length) = try validate(tokens)
    let d = config.modelDimension
    let tokenEmbedding = try runner.apply(.embed, W_E.indexSelect(axis: 0, tokens.flatMap { $0 }).reshaped([batch, length, d]))
    let positions = W_pos.slice(axis: 0, 0..<length).unsqueezed(0).expanded(to: [batch, length, d])
    var residual = tokenEmbedding + (try runner.apply(.posEmbed, positions))
    for block in blocks { residual = try block.forward(residual, runner: runner) }
    if let lnFinal { residual = try TransformerBlock.layerNorm(residual, lnFinal, .lnFinalNormalized, runner) }
    return residual.matmul(W_U, adding: b_U)
  }

  /// Batch size and sequence length of a well-formed token batch.
  func validate(_ tokens: [[Int]]) throws -> (Int, Int) {
    guard let length = tokens.first?.count, length > 0 else { throw TransformerError.emptyInput }
    if tokens.contains(where: { $0.count != length }) { throw TransformerError.raggedBatch(lengths: tokens.map(\.count)) }
    if length > config.contextLength {
      throw TransformerError.sequenceTooLong(length: length, contextLength: config.contextLength)
    }
    for (s, sequence) in tokens.enumerated() {
      for (p, token) in sequence.enumerated() where token < 0 || token >= config.vocabularySize {
        throw TransformerError.tokenOutOfRange(token: token, sequence: s, position: p, vocabularySize: config.vocabularySize)
      }
    }
    return (tokens.count, length)
  }
}
