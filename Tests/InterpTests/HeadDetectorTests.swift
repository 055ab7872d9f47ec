import Testing

@testable import Interp

@Suite struct HeadDetectorTests {
  /// A pattern `[1, 2, t, t]`: head 0 attends to the previous token, head 1 is an ideal induction head.
  func idealPattern(_ tokens: [Int]) -> Tensor {
    let t = tokens.count
    var values = [Float](repeating: 0, count: 2 * t * t)
    for q in 0..<t {
      values[q * t + Swift.max(0, q - 1)] = 1
      let earlier = (0..<q).filter { tokens[$0] == tokens[q] }
      if let last = earlier.last {
        values[(t + q) * t + last + 1] = 1
      } else {
        values[(t + q) * t + q] = 1
      }
    }
    return Tensor(shape: [1, 2, t, t], scalars: values)
  }

  @Test func idealHeadsScoreOneOnTheirOwnPatternOnly() throws {
    let tokens = [5, 9, 2, 7, 5, 9, 2, 7]
    let pattern = idealPattern(tokens)
    let previous = try HeadDetector.previousTokenScores(pattern: pattern)
    let induction = try HeadDetector.inductionScores(pattern: pattern, tokens: [tokens])
    #expect(abs(previous[0] - 1) < 1e-9 && abs(induction[1] - 1) < 1e-9)
    // Query 0 counts as attending to itself for head 0, which is not the previous token.
    #expect(previous[1] < 0.2 && induction[0] < 0.2)
  }

  @Test func uniformCausalAttentionScoresTheMeanTargetShare() throws {
    // With uniform attention, query q puts 1/(q+1) on each key; hand-computed for tokens [1, 1, 1]:
    // induction targets are {1} at q=1 and {1, 2} at q=2, so the score is (1/2 + 2/3) / 2.
    let t = 3
    var values = [Float](repeating: 0, count: t * t)
    for q in 0..<t { for k in 0...q { values[q * t + k] = 1 / Float(q + 1) } }
    let pattern = Tensor(shape: [1, 1, t, t], scalars: values)
    let score = try HeadDetector.inductionScores(pattern: pattern, tokens: [[1, 1, 1]])[0]
    #expect(abs(score - (0.5 + 2.0 / 3) / 2) < 1e-6)
    #expect(throws: TransformerError.self) { try HeadDetector.inductionScores(pattern: pattern, tokens: [[1, 1]]) }
  }
}
