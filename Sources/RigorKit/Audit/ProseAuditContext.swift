/// What a notebook recorded, against which the prose audit checks evidence anchors
/// (docs/JUDGING.md, "Prose audit"): each claim's verdict, tier, N and sign-flip p, and each metric's
/// mean and 95% CI.
public struct ProseAuditContext: Sendable {
  /// One judged claim.
  public struct ClaimRecord: Sendable {
    public var verdict: Verdict
    public var tier: Int?
    public var n: Int?
    public var pValues: [Double]

    public init(verdict: Verdict, tier: Int?, n: Int?, pValues: [Double]) {
      self.verdict = verdict
      self.tier = tier
      self.n = n
      self.pValues = pValues
    }

    /// Whether a link to this claim backs a sentence: supported at tier 2 or more.
    public var backsProse: Bool { verdict == .supported && (tier ?? 0) >= 2 }

    /// "inconclusive at tier 1", "refuted (no tier)".
    public var described: String {
      tier.map { "\(verdict) at tier \($0)" } ?? "\(verdict) (no tier)"
    }
  }

  /// One recorded metric's mean and interval over the seeds that recorded it.
  public struct MetricRecord: Sendable {
    public var mean: Double
    public var low: Double?
    public var high: Double?

    public init(mean: Double, low: Double?, high: Double?) {
      self.mean = mean
      self.low = low
      self.high = high
    }
  }

  public var claims: [String: ClaimRecord]
  public var metrics: [String: MetricRecord]
  /// Which result the anchors were checked against ("this run", "result 1a2b3c4d5e6f").
  public var source: String

  public init(claims: [String: ClaimRecord], metrics: [String: MetricRecord], source: String) {
    self.claims = claims
    self.metrics = metrics
    self.source = source
  }

  /// The context of a run document: its claims and its metrics' summaries.
  public init(document: RunDocument, source: String) {
    var claims: [String: ClaimRecord] = [:]
    for claim in document.claims {
      claims[claim.id] = ClaimRecord(
        verdict: claim.verdict, tier: claim.tier, n: claim.n, pValues: claim.pValues ?? [])
    }
    var metrics: [String: MetricRecord] = [:]
    for (name, values) in document.metrics {
      let summary = MetricSummary(values.compactMap { $0 })
      if let mean = summary.mean {
        metrics[name] = MetricRecord(mean: mean, low: summary.ciLow, high: summary.ciHigh)
      }
    }
    self.init(claims: claims, metrics: metrics, source: source)
  }
}
