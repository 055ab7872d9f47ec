/// A claim's tier and verdict with the reasons, as the judge decided them.
///
/// `ClaimDocument` is what `rigor run --format json` and result.json carry of it.
public struct ClaimJudgement: Hashable, Sendable {
  /// The claim's id.
  public var id: String
  /// Casper's tier 1-5, or nil when the claim is refuted.
  public var tier: Int?
  public var verdict: Verdict
  /// Plain sentences with the numbers that decided, the declarations the tier rests on, and
  /// whatever held the claim below the tier it would otherwise reach.
  public var reasons: [String]
  /// The author's declarations the tier depends on (docs/JUDGING.md, "What a tier rests on"):
  /// `task` for tiers 3-5, `setting` for 4-5, `safety` for 5; empty when the tier rests on
  /// statistics alone.
  public var restsOn: [String]
  /// N, the complete seeds the claim was judged on (nil when it names no metric).
  public var n: Int?
  /// The sign-flip p of each superiority comparison (control, then baseline).
  public var pValues: [Double] = []

  public init(id: String, tier: Int?, verdict: Verdict, reasons: [String], restsOn: [String] = []) {
    self.id = id
    self.tier = tier
    self.verdict = verdict
    self.reasons = reasons
    self.restsOn = restsOn
  }

  /// The declarations a claim at `tier` rests on.
  public static func restsOn(tier: Int?) -> [String] {
    guard let tier else { return [] }
    return [("task", 3), ("setting", 4), ("safety", 5)].filter { tier >= $0.1 }.map(\.0)
  }
}
