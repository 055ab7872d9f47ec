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
  /// `W_pos`, `[n_ctx, d_model]` (no parameters with rotary embeddings).
  public let posEmbed: TransformerWeights
  public let blocks: [TransformerBlock]
  /// Final LayerNorm (`w`, `b`), present when the config asks for LayerNorm.
  public let lnFinal: TransformerWeights?
  /// `W_U` `[d_model, d_vocab]` and `b_U` `[d_vocab]`.
  public let unembed: TransformerWeights
  /// The token that ends a sequence (a pretrained model's end-of-sequence id): generation stops after it.
  public var endOfSequenceToken: Int?

  /// A model with weights drawn from `rng` (normal, standard deviation `1/√fan-in`; zero biases).
  ///
  /// - Throws: ``TransformerError/invalidConfig(_:)`` for non-positive sizes.
  public convenience init(_ config: TransformerConfig, rng: inout Xoshiro256) throws {
    if let problem = config.validationProblem() { throw TransformerError.invalidConfig(problem) }
    let (d, v) = (config.modelDimension, config.vocabularySize)
    let embed = TransformerWeights([("W_E", Tensor.scaledNormal([v, d], fanIn: d, using: &rng))])
    let posEmbed =
      config.positionalEmbedding == .learned
      ? TransformerWeights([("W_pos", Tensor.scaledNormal([config.contextLength, d], fanIn: d, using: &rng))])
      : TransformerWeights([])
    var blocks: [TransformerBlock] = []
    for layer in 0..<config.layerCount { blocks.append(TransformerBlock(config, layer: layer, rng: &rng)) }
    let lnFinal = config.layerNorm ? TransformerWeights.normalization(config) : nil
    let unembed = TransformerWeights([
      ("W_U", Tensor.scaledNormal([d, v], fanIn: d, using: &rng)), ("b_U", Tensor.zeros([v])),
    ])
    self.init(config: config, embed: embed, posEmbed: posEmbed, blocks: blocks, lnFinal: lnFinal, unembed: unembed)
  }

  /// A model from its parts (a loaded checkpoint); the parts must match `config`.
  init(
    config: TransformerConfig, embed: TransformerWeights, posEmbed: TransformerWeights, blocks: [TransformerBlock],
    lnFinal: TransformerWeights?, unembed: TransformerWeights
  ) {
    self.config = config
    (self.embed, self.posEmbed, self.blocks, self.lnFinal, self.unembed) = (embed, posEmbed, blocks, lnFinal, unembed)
  }

  public var children: [(name: String, module: any Module)] {
    var result: [(name: String, module: any Module)] = [("embed", embed)]
    if config.positionalEmbedding == .learned { result.append(("pos_embed", posEmbed)) }
    for block in blocks { result.append(("blocks.\(block.layer)", block)) }
    if let lnFinal { result.append(("ln_final", lnFinal)) }
    result.append(("unembed", unembed))
    return result
  }

  public var W_E: Tensor { embed.required("W_E") }
  /// The learned positional embedding (only for ``TransformerConfig/PositionalEmbedding/learned``).
  public var W_pos: Tensor { posEmbed.required("W_pos") }
  public var W_U: Tensor { unembed.required("W_U") }
  public var b_U: Tensor { unembed.required("b_U") }

  /// Every hook point of this model, in forward order.
  public var hookPoints: [HookPoint] {
    var points: [HookPoint] = config.positionalEmbedding == .learned ? [.embed, .posEmbed] : [.embed]
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
    case .posEmbed:
      return config.positionalEmbedding == .learned ? nil : "the model uses rotary embeddings, not learned positions"
    case .attnRotQ, .attnRotK:
      return config.positionalEmbedding == .learned ? "the model has learned positions, not rotary embeddings" : nil
    case .mlpPreLinear:
      if config.attentionOnly { return "the model is attention-only" }
      return config.gatedMLP ? nil : "the model's MLP is not gated"
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
  ///
  /// With a key-value `cache`, `tokens` continue the sequences the cache holds: positions count
  /// on from the cached length, and the logits cover the new tokens only.
  /// With `lastPositionOnly`, only the last position goes through the final normalization and
  /// the unembedding (generation needs no other logits).
  func forward(_ tokens: [[Int]], runner: HookRunner?, cache: KVCache? = nil, lastPositionOnly: Bool = false) throws -> Tensor {
    let offset = cache?.length(layer: 0) ?? 0
    let (batch, length) = try validate(tokens, offset: offset)
    let d = config.modelDimension
    let tokenEmbedding = try runner.apply(.embed, W_E.indexSelect(axis: 0, tokens.flatMap { $0 }).reshaped([batch, length, d]))
    var residual = tokenEmbedding
    if config.positionalEmbedding == .learned {
      let positions = W_pos.slice(axis: 0, offset..<(offset + length)).unsqueezed(0).expanded(to: [batch, length, d])
      residual = tokenEmbedding + (try runner.apply(.posEmbed, positions))
    }
    for block in blocks { residual = try block.forward(residual, runner: runner, cache: cache) }
    if lastPositionOnly { residual = residual.slice(axis: 1, (length - 1)..<length) }
    if let lnFinal { residual = try TransformerBlock.layerNorm(residual, lnFinal, .lnFinalNormalized, runner) }
    return residual.matmul(W_U, adding: b_U)
  }

  /// Batch size and sequence length of a well-formed token batch.
  func validate(_ tokens: [[Int]], offset: Int = 0) throws -> (Int, Int) {
    guard let length = tokens.first?.count, length > 0 else { throw TransformerError.emptyInput }
    if tokens.contains(where: { $0.count != length }) { throw TransformerError.raggedBatch(lengths: tokens.map(\.count)) }
    if offset + length > config.contextLength {
      throw TransformerError.sequenceTooLong(length: offset + length, contextLength: config.contextLength)
    }
    for (s, sequence) in tokens.enumerated() {
      for (p, token) in sequence.enumerated() where token < 0 || token >= config.vocabularySize {
        throw TransformerError.tokenOutOfRange(token: token, sequence: s, position: p, vocabularySize: config.vocabularySize)
      }
    }
    return (tokens.count, length)
  }
}
