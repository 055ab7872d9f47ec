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

  public init(
    vocabularySize: Int, contextLength: Int, modelDimension: Int, headCount: Int,
    headDimension: Int? = nil, mlpDimension: Int? = nil, layerCount: Int = 1,
    activation: Activation = .relu, layerNorm: Bool = true, attentionOnly: Bool = false
  ) {
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
    return nil
  }
}
