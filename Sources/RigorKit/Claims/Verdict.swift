/// The verdict on a claim after one run (docs/JUDGING.md).
public enum Verdict: String, Codable, Sendable, Hashable, CaseIterable {
  /// Every part of the prediction holds.
  case supported
  /// Some part of the prediction clearly fails.
  case refuted
  /// The evidence decides nothing yet (too few seeds, or an interval straddling the line).
  case inconclusive
  /// There is nothing to check: no metric, a metric never recorded, or no prediction.
  case unchecked
  /// The claim's `when` names other parameter values than this run's: it is not about this
  /// run, which says nothing for or against it (tier null).
  case notApplicable = "not_applicable"
}

extension Verdict: CustomStringConvertible {
  /// The JSON spelling (`not_applicable`), so interpolating a verdict writes what JSON does.
  public var description: String { rawValue }

  /// The spelling for people: `not applicable`.
  public var label: String { rawValue.replacingOccurrences(of: "_", with: " ") }
}
