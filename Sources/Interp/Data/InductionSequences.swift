/// Random token sequences repeated twice, the standard induction-head probe (Olsson et al. 2022;
/// TransformerLens's `induction_loss`).
///
/// Each sequence is `r₁…r_L r₁…r_L` with uniform random tokens. With a period range, each
/// sequence draws its own `L` and is padded with fresh random tokens up to a common length, so
/// that a model cannot solve the task by attending to a fixed offset.
public enum InductionSequences {
  /// `count` sequences of `2·period` tokens from `0..<vocabularySize`.
  public static func repeated(count: Int, period: Int, vocabularySize: Int, using rng: inout Xoshiro256) throws -> [[Int]] {
    try variable(count: count, periods: period...period, vocabularySize: vocabularySize, using: &rng).map(\.tokens)
  }

  /// Sequences of length `2·periods.upperBound`, each with a random period; returns the tokens and
  /// the period (the repeat of token `i < period` is at `i + period`).
  public static func variable(
    count: Int, periods: ClosedRange<Int>, vocabularySize: Int, using rng: inout Xoshiro256
  ) throws -> [(tokens: [Int], period: Int)] {
    guard count > 0, periods.lowerBound >= 1, vocabularySize >= 2 else {
      throw DataError.invalidArgument("induction sequences need count > 0, period ≥ 1 and a vocabulary of ≥ 2 tokens")
    }
    let length = 2 * periods.upperBound
    return (0..<count).map { _ in
      let period = periods.lowerBound + rng.nextInt(below: periods.count)
      let prefix = (0..<period).map { _ in rng.nextInt(below: vocabularySize) }
      let padding = (0..<(length - 2 * period)).map { _ in rng.nextInt(below: vocabularySize) }
      return (prefix + prefix + padding, period)
    }
  }
}
