/// A claim's tier and verdict with the reasons, as printed in `rigor run --format json`.
///
/// Encodes as `{"id", "tier", "verdict", "reasons"}` with `tier` 1-5 or null (refuted).
public struct ClaimJudgement: Hashable, Sendable, Codable {
  /// The claim's id.
  public var id: String
  /// Casper's tier 1-5, or nil when the claim is refuted.
  public var tier: Int?
  public var verdict: Verdict
  /// Plain sentences with the numbers that decided, the declarations the tier rests on, and
  /// whatever held the claim below the tier it would otherwise reach.
  public var reasons: [String]

  public init(id: String, tier: Int?, verdict: Verdict, reasons: [String]) {
    self.id = id
    self.tier = tier
    self.verdict = verdict
    self.reasons = reasons
  }

  private enum CodingKeys: String, CodingKey { case id, tier, verdict, reasons }

  public init(from decoder: Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    id = try c.decode(String.self, forKey: .id)
    tier = try c.decodeIfPresent(Int.self, forKey: .tier)
    verdict = try c.decode(Verdict.self, forKey: .verdict)
    reasons = try c.decode([String].self, forKey: .reasons)
  }

  /// Writes `"tier": null` for a refuted claim rather than leaving the key out.
  public func encode(to encoder: Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(id, forKey: .id)
    try c.encode(tier, forKey: .tier)
    try c.encode(verdict, forKey: .verdict)
    try c.encode(reasons, forKey: .reasons)
  }
}
