/// The modular-addition task of the grokking papers (Power et al. 2022; Nanda et al. 2023).
///
/// Inputs are `[a, b, =]` with `a, b` in `0..<p` and `=` the token `p` (so the vocabulary has
/// `p + 1` tokens); the label is `(a + b) mod p`, predicted at the last position. All `p²`
/// pairs are shuffled with the seed and the first ``trainFraction`` of them form the training set.
public struct ModularAddition {
  public let p: Int
  public let trainFraction: Double
  public let trainInputs: [[Int]]
  public let trainLabels: [Int]
  public let testInputs: [[Int]]
  public let testLabels: [Int]

  /// The vocabulary size (`p` residues plus the `=` token).
  public var vocabularySize: Int { p + 1 }

  public init(p: Int, trainFraction: Double, rng: inout Xoshiro256) throws {
    guard p >= 2, trainFraction > 0, trainFraction < 1 else {
      throw DataError.invalidArgument("modular addition needs p ≥ 2 and 0 < trainFraction < 1, got p = \(p), \(trainFraction)")
    }
    self.p = p
    self.trainFraction = trainFraction
    let order = rng.permutation(p * p)
    let trainCount = Swift.max(1, Swift.min(p * p - 1, Int((Double(p * p) * trainFraction).rounded())))
    func example(_ index: Int) -> ([Int], Int) {
      let (a, b) = (index / p, index % p)
      return ([a, b, p], (a + b) % p)
    }
    let train = order[..<trainCount].map(example)
    let test = order[trainCount...].map(example)
    trainInputs = train.map(\.0)
    trainLabels = train.map(\.1)
    testInputs = test.map(\.0)
    testLabels = test.map(\.1)
  }
}
