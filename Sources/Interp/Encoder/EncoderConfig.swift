import Foundation

/// The shape of a ``HookedEncoder`` (a BERT-family model), with Hugging Face's `config.json` names
/// noted beside TransformerLens's.
public struct EncoderConfig: Sendable, Equatable {
  /// Number of token ids (`vocab_size`, `d_vocab`).
  public var vocabularySize: Int
  /// Longest sequence the position embedding covers (`max_position_embeddings`, `n_ctx`).
  public var contextLength: Int
  /// Width of the residual stream (`hidden_size`, `d_model`).
  public var modelDimension: Int
  /// Attention heads per layer (`num_attention_heads`, `n_heads`).
  public var headCount: Int
  /// Hidden width of each MLP (`intermediate_size`, `d_mlp`).
  public var mlpDimension: Int
  /// Number of blocks (`num_hidden_layers`, `n_layers`).
  public var layerCount: Int
  /// Number of token types (`type_vocab_size`; segments A and B).
  public var tokenTypeCount: Int
  /// LayerNorm epsilon (`layer_norm_eps`; BERT uses 1e-12).
  public var layerNormEpsilon: Float
  /// The MLP nonlinearity (`hidden_act`; BERT's `gelu` is the exact erf form).
  public var activation: Activation

  /// Width of each head (`d_head`).
  public var headDimension: Int { modelDimension / Swift.max(1, headCount) }

  public init(
    vocabularySize: Int, contextLength: Int, modelDimension: Int, headCount: Int, mlpDimension: Int,
    layerCount: Int, tokenTypeCount: Int = 2, layerNormEpsilon: Float = 1e-12, activation: Activation = .gelu
  ) {
    self.vocabularySize = vocabularySize
    self.contextLength = contextLength
    self.modelDimension = modelDimension
    self.headCount = headCount
    self.mlpDimension = mlpDimension
    self.layerCount = layerCount
    self.tokenTypeCount = tokenTypeCount
    self.layerNormEpsilon = layerNormEpsilon
    self.activation = activation
  }

  /// Reads a Hugging Face BERT `config.json`.
  ///
  /// - Throws: ``EncoderError`` naming the file and the missing or unsupported field.
  public init(huggingFace url: URL) throws {
    let object: Any
    do {
      object = try JSONSerialization.jsonObject(with: Data(contentsOf: url))
    } catch {
      throw EncoderError(file: url.path, problem: "cannot read the model configuration: \(error.localizedDescription)")
    }
    guard let fields = object as? [String: Any] else {
      throw EncoderError(file: url.path, problem: "the configuration is not a JSON object")
    }
    func integer(_ key: String, default value: Int? = nil) throws -> Int {
      if let number = fields[key] as? NSNumber, let exact = Int(exactly: number.doubleValue) { return exact }
      if fields[key] == nil, let value { return value }
      throw EncoderError(file: url.path, problem: "field '\(key)' must be an integer")
    }
    if let type = fields["model_type"] as? String, !["bert"].contains(type) {
      throw EncoderError(file: url.path, problem: "model_type '\(type)' is not a BERT encoder")
    }
    if let kind = fields["position_embedding_type"] as? String, kind != "absolute" {
      throw EncoderError(file: url.path, problem: "position_embedding_type '\(kind)' is not supported (only 'absolute')")
    }
    let activationName = fields["hidden_act"] as? String ?? "gelu"
    let activation: Activation
    switch activationName {
    case "gelu": activation = .gelu
    case "relu": activation = .relu
    case "tanh": activation = .tanh
    default: throw EncoderError(file: url.path, problem: "hidden_act '\(activationName)' is not supported (gelu, relu, tanh)")
    }
    self.init(
      vocabularySize: try integer("vocab_size"), contextLength: try integer("max_position_embeddings", default: 512),
      modelDimension: try integer("hidden_size"), headCount: try integer("num_attention_heads"),
      mlpDimension: try integer("intermediate_size"), layerCount: try integer("num_hidden_layers"),
      tokenTypeCount: try integer("type_vocab_size", default: 2),
      layerNormEpsilon: Float((fields["layer_norm_eps"] as? NSNumber)?.doubleValue ?? 1e-12), activation: activation)
    if let problem = validationProblem() { throw EncoderError(file: url.path, problem: problem) }
  }

  /// The first problem with these sizes, or `nil` when they describe a buildable model.
  func validationProblem() -> String? {
    let sizes: [(String, Int)] = [
      ("vocabularySize", vocabularySize), ("contextLength", contextLength), ("modelDimension", modelDimension),
      ("headCount", headCount), ("mlpDimension", mlpDimension), ("layerCount", layerCount),
      ("tokenTypeCount", tokenTypeCount),
    ]
    for (name, value) in sizes where value < 1 { return "\(name) must be at least 1, got \(value)" }
    if modelDimension % headCount != 0 {
      return "modelDimension \(modelDimension) is not a multiple of headCount \(headCount)"
    }
    if !(layerNormEpsilon >= 0) { return "layerNormEpsilon must be non-negative, got \(layerNormEpsilon)" }
    return nil
  }
}
