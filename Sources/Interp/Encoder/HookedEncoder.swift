/// A BERT-family encoder whose every activation is a named ``HookPoint``.
///
/// Modelled on TransformerLens's `HookedEncoder`: token, position and token-type embeddings
/// summed and normalised, then post-LayerNorm blocks of bidirectional attention and a GELU MLP.
/// Padding (from ``EncoderInput/attentionMask``) is never attended to. Parameters carry
/// TransformerLens names (`embed.W_E`, `blocks.0.attn.W_Q`, `blocks.0.ln1.w`, …); hook points
/// are those of ``HookedTransformer`` (`blocks.L.hook_resid_pre`, `blocks.L.attn.hook_pattern`,
/// `blocks.L.mlp.hook_post`, …), so caches, hooks and interventions read the same way.
///
/// ```swift
/// let model = try HookedEncoder(pretrained: folder)
/// let (hidden, cache) = try model.runWithCache(EncoderInput(tokens: [[101, 7592, 102]]))
/// let pattern = try cache["blocks.0.attn.hook_pattern"]   // [1, 12, 3, 3]
/// ```
public final class HookedEncoder: Module {
  public let config: EncoderConfig
  /// `W_E` `[d_vocab, d_model]`, `W_pos` `[n_ctx, d_model]`, `W_token_type` `[types, d_model]`.
  public let embed: TransformerWeights
  /// The embedding LayerNorm (`w`, `b`).
  public let embedNorm: TransformerWeights
  public let blocks: [EncoderBlock]

  /// A model with weights drawn from a generator seeded with `seed` (normal, standard deviation
  /// `1/√fan-in`; zero biases; unit LayerNorm gains).
  ///
  /// - Throws: ``TransformerError/invalidConfig(_:)`` for sizes that cannot describe a model.
  public init(_ config: EncoderConfig, seed: UInt64 = 0) throws {
    if let problem = config.validationProblem() { throw TransformerError.invalidConfig(problem) }
    self.config = config
    var rng = Xoshiro256(seed: seed)
    let d = config.modelDimension
    embed = TransformerWeights([
      ("W_E", Tensor.scaledNormal([config.vocabularySize, d], fanIn: d, using: &rng)),
      ("W_pos", Tensor.scaledNormal([config.contextLength, d], fanIn: d, using: &rng)),
      ("W_token_type", Tensor.scaledNormal([config.tokenTypeCount, d], fanIn: d, using: &rng)),
    ])
    embedNorm = TransformerWeights([("w", Tensor.ones([d])), ("b", Tensor.zeros([d]))])
    blocks = (0..<config.layerCount).map { EncoderBlock(config, layer: $0, rng: &rng) }
  }

  public var children: [(name: String, module: any Module)] {
    [("embed", embed), ("embed.ln", embedNorm)] + blocks.map { ("blocks.\($0.layer)", $0) }
  }

  public var W_E: Tensor { embed.required("W_E") }
  public var W_pos: Tensor { embed.required("W_pos") }
  public var W_token_type: Tensor { embed.required("W_token_type") }

  /// Every hook point of this model, in forward order.
  public var hookPoints: [HookPoint] {
    let sites: [HookPoint.Site] = [
      .residPre, .attnQ, .attnK, .attnV, .attnScores, .attnPattern, .attnZ, .attnResult, .attnOut, .residMid,
      .ln1Normalized, .mlpPre, .mlpPost, .mlpOut, .residPost, .ln2Normalized,
    ]
    return [.embed, .posEmbed] + (0..<config.layerCount).flatMap { layer in sites.map { HookPoint($0, layer: layer) } }
  }

  /// Why `point` does not exist in this model, or `nil` when it does.
  func absenceReason(_ point: HookPoint) -> String? {
    if let layer = point.layer, layer >= config.layerCount {
      return "the model has \(config.layerCount) blocks (layers 0..<\(config.layerCount))"
    }
    return hookPoints.contains(point) ? nil : "an encoder has no \(point.site.rawValue) (it has no final LayerNorm or unembedding)"
  }

  func forward(_ input: EncoderInput, runner: HookRunner?) throws -> Tensor {
    try validate(input)
    let (batch, length, d) = (input.batchSize, input.length, config.modelDimension)
    let words = try runner.apply(.embed, W_E.indexSelect(axis: 0, input.tokens.flatMap { $0 }).reshaped([batch, length, d]))
    let positions = try runner.apply(
      .posEmbed, W_pos.slice(axis: 0, 0..<length).unsqueezed(0).expanded(to: [batch, length, d]))
    let types = W_token_type.indexSelect(axis: 0, input.tokenTypes.flatMap { $0 }).reshaped([batch, length, d])
    var residual = (words + positions + types).layerNorm(
      weight: embedNorm.required("w"), bias: embedNorm.required("b"), eps: config.layerNormEpsilon)
    let padding = Self.paddingMask(input)
    for block in blocks { residual = try block.forward(residual, padding: padding, runner: runner) }
    return residual
  }

  /// `[batch, 1, 1, pos]`, 1 at padded keys; `nil` when no position is padded.
  static func paddingMask(_ input: EncoderInput) -> Tensor? {
    let flat = input.attentionMask.flatMap { $0 }
    guard flat.contains(0) else { return nil }
    return Tensor(shape: [input.batchSize, 1, 1, input.length], scalars: flat.map { $0 == 0 ? 1 : 0 })
  }

  func validate(_ input: EncoderInput) throws {
    guard let length = input.tokens.first?.count, length > 0 else { throw TransformerError.emptyInput }
    for rows in [input.tokens, input.tokenTypes, input.attentionMask] where rows.count != input.batchSize || rows.contains(where: { $0.count != length }) {
      throw TransformerError.raggedBatch(lengths: rows.map(\.count))
    }
    if length > config.contextLength {
      throw TransformerError.sequenceTooLong(length: length, contextLength: config.contextLength)
    }
    for (s, sequence) in input.tokens.enumerated() {
      for (p, token) in sequence.enumerated() where token < 0 || token >= config.vocabularySize {
        throw TransformerError.tokenOutOfRange(token: token, sequence: s, position: p, vocabularySize: config.vocabularySize)
      }
    }
    for (s, sequence) in input.tokenTypes.enumerated() {
      if let p = sequence.firstIndex(where: { $0 < 0 || $0 >= config.tokenTypeCount }) {
        throw TransformerError.invalidIntervention(
          "token type \(sequence[p]) at sequence \(s), position \(p) is outside 0..<\(config.tokenTypeCount)")
      }
    }
    for (s, mask) in input.attentionMask.enumerated() where !mask.contains(1) || mask.contains(where: { $0 != 0 && $0 != 1 }) {
      throw TransformerError.invalidIntervention("the attention mask of sequence \(s) must be 0s and 1s with at least one 1, got \(mask)")
    }
  }
}
