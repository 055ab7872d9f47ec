/// A claim's verdict and tier with the reasons that decided them.
public struct ClaimDocument: Codable, Sendable, Equatable {
  public var id: String
  /// 1-5, or nil when refuted.
  public var tier: Int?
  public var verdict: Verdict
  public var reasons: [String]
  /// The hash of the claim's canonical fields, for the ledger check.
  public var claimHash: String?
  /// The claim's `says`, for reports.
  public var says: String?
  /// The author's declarations the tier rests on (docs/JUDGING.md): `task` for tiers 3-5, `setting`
  /// for 4-5, `safety` for 5.
  public var restsOn: [String]
  /// N, the complete seeds the claim was judged on; nil when it names no metric or the
  /// result predates the field.
  public var n: Int?
  /// The sign-flip p of each superiority comparison (control, then baseline).
  public var pValues: [Double]?
  /// The tier the claim would have without the ledger's flags (unstable, fishing, a changed
  /// prediction); present only when the ledger changed the tier.
  public var tierBeforeLedger: Int?

  public init(
    id: String, tier: Int?, verdict: Verdict, reasons: [String], says: String? = nil,
    claimHash: String? = nil, restsOn: [String]? = nil
  ) {
    self.claimHash = claimHash
    self.restsOn = restsOn ?? ClaimJudgement.restsOn(tier: tier)
    self.id = id
    self.tier = tier
    self.verdict = verdict
    self.reasons = reasons
    self.says = says
  }

  public func encode(to encoder: Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(id, forKey: .id)
    try c.encode(tier, forKey: .tier)
    try c.encode(verdict, forKey: .verdict)
    try c.encode(reasons, forKey: .reasons)
    try c.encodeIfPresent(says, forKey: .says)
    try c.encodeIfPresent(claimHash, forKey: .claimHash)
    try c.encode(restsOn, forKey: .restsOn)
    try c.encodeIfPresent(n, forKey: .n)
    try c.encodeIfPresent(pValues, forKey: .pValues)
    try c.encodeIfPresent(tierBeforeLedger, forKey: .tierBeforeLedger)
  }

  public init(from decoder: Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    id = try c.decode(String.self, forKey: .id)
    tier = try c.decodeIfPresent(Int.self, forKey: .tier)
    verdict = try c.decode(Verdict.self, forKey: .verdict)
    reasons = try c.decode([String].self, forKey: .reasons)
    says = try c.decodeIfPresent(String.self, forKey: .says)
    claimHash = try c.decodeIfPresent(String.self, forKey: .claimHash)
    // Results recorded before `rests_on` existed: derived from the tier, as the judge does.
    restsOn = try c.decodeIfPresent([String].self, forKey: .restsOn) ?? ClaimJudgement.restsOn(tier: tier)
    n = try c.decodeIfPresent(Int.self, forKey: .n)
    pValues = try c.decodeIfPresent([Double].self, forKey: .pValues)
    tierBeforeLedger = try c.decodeIfPresent(Int.self, forKey: .tierBeforeLedger)
  }

  /// The tier as the text views print it: `3†` when it rests on the author's declarations,
  /// `-` when there is none.
  public var tierMark: String {
    guard let tier else { return "-" }
    return restsOn.isEmpty ? String(tier) : "\(tier)\u{2020}"
  }

  /// The one line that explains the `†` mark.
  public static let restsOnNote =
    "\u{2020} the tier rests on the author's declarations (task for tiers 3-5, setting for 4-5, safety for 5)"

  enum CodingKeys: String, CodingKey {
    case id, tier, verdict, reasons, says
    case claimHash = "claim_hash"
    case restsOn = "rests_on"
    case n
    case pValues = "p_values"
    case tierBeforeLedger = "tier_before_ledger"
  }
}
