/// A padded batch for a ``HookedEncoder``: token ids, token types and which positions are real.
///
/// Every row has the same length; `attentionMask[b][p]` is 1 for a real token and 0 for
/// padding, which no query attends to.
public struct EncoderInput: Equatable, Sendable {
  /// Token ids `[batch][pos]`.
  public var tokens: [[Int]]
  /// Token types (segment ids) `[batch][pos]`.
  public var tokenTypes: [[Int]]
  /// 1 for real tokens, 0 for padding, `[batch][pos]`.
  public var attentionMask: [[Int]]

  /// A batch; token types default to 0 and the mask to all ones.
  public init(tokens: [[Int]], tokenTypes: [[Int]]? = nil, attentionMask: [[Int]]? = nil) {
    self.tokens = tokens
    self.tokenTypes = tokenTypes ?? tokens.map { Array(repeating: 0, count: $0.count) }
    self.attentionMask = attentionMask ?? tokens.map { Array(repeating: 1, count: $0.count) }
  }

  /// Number of sequences.
  public var batchSize: Int { tokens.count }
  /// Length of every sequence (including padding).
  public var length: Int { tokens.first?.count ?? 0 }
}
