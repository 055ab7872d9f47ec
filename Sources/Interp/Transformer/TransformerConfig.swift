/// The shape of a ``HookedTransformer``: sizes, and which optional parts it has.
///
/// Names follow TransformerLens (`d_model`, `n_heads`, `d_head`, `d_mlp`, `n_ctx`, `d_vocab`),
/// spelled in Swift style.
public struct TransformerConfig: Sendable, Equatable {
  /// Number of token ids (`d_vocab`).
  public var vocabularySize: Int
  /// Longest sequence the positional embedding covers (`n_ctx`).
  public var contextLength: Int
  /// Width of the residual stream (`d_model`).
  public var modelDimension: Int
  /// Number of attention heads per layer (`n_heads`).
  public var headCount: Int
  /// Width of each head (`d_head`).
  public var headDimension: Int
  /// Hidden width of each MLP (`d_mlp`); ignored when ``attentionOnly``.
  public var mlpDimension: Int
  /// Number of transformer blocks (`n_layers`).
  public var layerCount: Int
  /// The MLP nonlinearity.
  public var activation: Activation
  /// Whether blocks and the unembedding are preceded by LayerNorm (`normalization_type="LN"`).
  public var layerNorm: Bool
  /// Whether blocks have no MLP (`attn_only=True`).
  public var attentionOnly: Bool
  /// Which normalization ``layerNorm`` turns on (`normalization_type`): LayerNorm or RMSNorm.
  public var normalization: Normalization
  /// The epsilon added to the variance (or mean square) inside each normalization (`eps`).
  public var normEpsilon: Float
  /// How positions enter the model: learned embeddings added to the residual stream, or
  /// rotary embeddings applied to queries and keys (`positional_embedding_type`).
  public var positionalEmbedding: PositionalEmbedding
  /// Key-value heads per layer (`n_key_value_heads`); fewer than ``headCount`` is grouped-query
  /// attention, where query head `h` reads key-value head `h / (headCount / keyValueHeadCount)`.
  public var keyValueHeadCount: Int
  /// Whether the MLP is gated (`gated_mlp`): `W_out·(act(x·W_gate) ⊙ x·W_in)`, SwiGLU with `.silu`.
  public var gatedMLP: Bool

  /// The normalization applied before attention, the MLP and the unembedding.
  public enum Normalization: Sendable, Equatable {
    /// `(x − mean) / √(var + ε) · w + b`.
    case layerNorm
    /// `x / √(mean(x²) + ε) · w` (Llama's RMSNorm; no bias).
    case rmsNorm
  }

  /// How token positions are encoded.
  public enum PositionalEmbedding: Sendable, Equatable {
    /// A learned `W_pos` `[n_ctx, d_model]` added to the token embeddings.
    case learned
    /// Rotary embeddings (Su et al. 2021) over each head's full width in Hugging Face's
    /// rotate-half layout, with frequencies `base^(−2i/d_head)`.
    case rotary(base: Float)
  }

  public init(
    vocabularySize: Int, contextLength: Int, modelDimension: Int, headCount: Int,
    headDimension: Int? = nil, mlpDimension: Int? = nil, layerCount: Int = 1,
    activation: Activation = .relu, layerNorm: Bool = true, attentionOnly: Bool = false,
    normalization: Normalization = .layerNorm, normEpsilon: Float = 1e-5,
    positionalEmbedding: PositionalEmbedding = .learned, keyValueHeadCount: Int? = nil, gatedMLP: Bool = false
  ) {
    self.normalization = normalization
    self.normEpsilon = normEpsilon
    self.positionalEmbedding = positionalEmbedding
    self.keyValueHeadCount = keyValueHeadCount ?? headCount
    self.gatedMLP = gatedMLP
    self.vocabularySize = vocabularySize
    self.contextLength = contextLength
    self.modelDimension = modelDimension
    self.headCount = headCount
    self.headDimension = headDimension ?? Swift.max(1, modelDimension / Swift.max(1, headCount))
    self.mlpDimension = mlpDimension ?? 4 * modelDimension
    self.layerCount = layerCount
    self.activation = activation
    self.layerNorm = layerNorm
    self.attentionOnly = attentionOnly
  }

  /// The first problem with these sizes, or `nil` when they describe a buildable model.
  func validationProblem() -> String? {
    let sizes: [(String, Int)] = [
      ("vocabularySize", vocabularySize), ("contextLength", contextLength),
      ("modelDimension", modelDimension), ("headCount", headCount), ("headDimension", headDimension),
      ("layerCount", layerCount),
    ]
    for (name, value) in sizes where value < 1 { return "\(name) must be at least 1, got \(value)" }
    if !attentionOnly && mlpDimension < 1 { return "mlpDimension must be at least 1, got \(mlpDimension)" }
    if keyValueHeadCount < 1 || headCount % keyValueHeadCount != 0 {
      return "keyValueHeadCount \(keyValueHeadCount) must divide headCount \(headCount)"
    }
    if case .rotary(let base) = positionalEmbedding, !(base > 1) || headDimension % 2 != 0 {
      return "rotary embeddings need a base above 1 and an even headDimension, got base \(base), headDimension \(headDimension)"
    }
    return nil
  }
}
