/// A failure to build or run a ``HookedTransformer``, with what was wrong and where.
public enum TransformerError: Error, Equatable, CustomStringConvertible {
  /// The configuration cannot describe a model.
  case invalidConfig(String)
  /// The batch holds no sequences, or an empty sequence.
  case emptyInput
  /// Sequences in one batch have different lengths.
  case raggedBatch(lengths: [Int])
  /// A sequence is longer than the positional embedding.
  case sequenceTooLong(length: Int, contextLength: Int)
  /// A token id is outside the vocabulary.
  case tokenOutOfRange(token: Int, sequence: Int, position: Int, vocabularySize: Int)
  /// A hook returned a tensor whose shape differs from the activation it replaces.
  case hookShapeMismatch(point: String, expected: [Int], found: [Int])
  /// A hook or cache request names a site this model does not have.
  case absentHookPoint(point: String, reason: String)
  /// A name is not a TransformerLens hook-point name.
  case unknownHookPointName(String)
  /// A cache lookup for an activation that was not recorded.
  case notCached(point: String, cached: [String])
  /// An intervention's arguments do not fit the activation.
  case invalidIntervention(String)

  public var description: String {
    switch self {
    case .invalidConfig(let problem): return "invalid transformer configuration: \(problem)"
    case .emptyInput: return "the token batch is empty (give at least one non-empty sequence)"
    case .raggedBatch(let lengths):
      return "sequences in a batch must have equal lengths; got lengths \(lengths)"
    case .sequenceTooLong(let length, let context):
      return "a sequence of \(length) tokens is longer than the model's context length \(context)"
    case .tokenOutOfRange(let token, let sequence, let position, let vocabulary):
      return "token \(token) at sequence \(sequence), position \(position) is outside the vocabulary 0..<\(vocabulary)"
    case .hookShapeMismatch(let point, let expected, let found):
      return "the hook at \(point) returned shape \(found), but the activation there has shape \(expected)"
    case .absentHookPoint(let point, let reason): return "hook point \(point) does not exist in this model: \(reason)"
    case .unknownHookPointName(let name):
      return "'\(name)' is not a hook-point name (expected e.g. 'blocks.0.attn.hook_pattern' or 'hook_embed')"
    case .notCached(let point, let cached):
      let list = cached.isEmpty ? "nothing" : cached.joined(separator: ", ")
      return "\(point) was not cached; the cache holds \(list)"
    case .invalidIntervention(let problem): return "invalid intervention: \(problem)"
    }
  }
}
