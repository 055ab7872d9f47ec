/// Scores attention heads for known patterns from their `hook_pattern` activations
/// (previous-token and induction heads; Olsson et al. 2022, TransformerLens's `head_detector`).
///
/// A score is the attention mass a head puts on the target keys, averaged over the query
/// positions that have at least one target (so the first half of a repeated sequence, where an
/// induction head has nothing to attend to, does not dilute the score), then over the batch.
public enum HeadDetector {
  /// Per-head score for attending to the previous position, from a pattern `[batch, head, q, k]`.
  public static func previousTokenScores(pattern: Tensor) throws -> [Double] {
    try scores(pattern: pattern, batchTokens: nil) { _, q in q >= 1 ? [q - 1] : [] }
  }

  /// Per-head induction score: attention from a token to the position *after* each earlier
  /// occurrence of the same token (`tokens` must be the batch the pattern came from).
  public static func inductionScores(pattern: Tensor, tokens: [[Int]]) throws -> [Double] {
    try scores(pattern: pattern, batchTokens: tokens) { sequence, q in
      (0..<q).filter { sequence[$0] == sequence[q] }.map { $0 + 1 }
    }
  }

  static func scores(pattern: Tensor, batchTokens: [[Int]]?, targets: ([Int], Int) -> [Int]) throws -> [Double] {
    guard pattern.rank == 4, pattern.shape[2] == pattern.shape[3] else {
      throw TransformerError.invalidIntervention("head detection needs a pattern [batch, head, q, k], got \(pattern.shape)")
    }
    let (batch, heads, length) = (pattern.shape[0], pattern.shape[1], pattern.shape[2])
    if let batchTokens, batchTokens.count != batch || batchTokens.contains(where: { $0.count != length }) {
      throw TransformerError.invalidIntervention("tokens \(batchTokens.map(\.count)) do not match the pattern \(pattern.shape)")
    }
    let values = pattern.contiguous().toArray()
    var result = [Double](repeating: 0, count: heads)
    for h in 0..<heads {
      var total = 0.0
      var counted = 0
      for b in 0..<batch {
        let sequence = batchTokens?[b] ?? []
        for q in 0..<length {
          let keys = targets(sequence, q)
          guard !keys.isEmpty else { continue }
          let row = ((b * heads + h) * length + q) * length
          total += keys.reduce(0.0) { $0 + Double(values[row + $1]) }
          counted += 1
        }
      }
      result[h] = counted == 0 ? 0 : total / Double(counted)
    }
    return result
  }
}
