import RigorStatistics

/// Decides a claim's verdict and rigor tier from one run's evidence, by docs/JUDGING.md's procedure.
///
/// The steps run in the specification's order: (1) no metric, (2) a named metric never
/// recorded, (3) no prediction, (4) fewer than 5 complete seeds, (5) each part of the
/// prediction evaluated, (6) refuted or inconclusive, (7) supported at tier 2, 3 or 4,
/// (8) tier 5. Then the caps: a seed that did not finish caps at 2, a metric that does not
/// vary with the seed caps at 2, an unstable ledger caps at 3. Decisions docs/JUDGING.md leaves open
/// are written down in docs/JUDGING.md.
public enum Judge {
  /// The fewest complete seeds on which a claim can be judged.
  public static let minimumSeeds = 5
  /// The significance level of the sign-flip test.
  public static let alpha = 0.05
  /// The coverage of every confidence interval.
  public static let level = 0.95

  /// Judges `claim` on `evidence`.
  public static func judge(_ claim: Claim, evidence: RunEvidence) -> ClaimJudgement {
    if let mismatch = whenMismatch(claim, parameters: evidence.parameters) {
      return ClaimJudgement(id: claim.id, tier: nil, verdict: .notApplicable, reasons: [mismatch])
    }
    let data = ClaimData(claim: claim, seeds: evidence.seeds)
    var decision = decide(claim, data: data, evidence: evidence)
    applyCaps(&decision, claim: claim, data: data, evidence: evidence)
    if decision.tier.map({ $0 >= 3 }) == true {
      let declared = ClaimJudgement.restsOn(tier: decision.tier).joined(separator: ", ")
      decision.reasons.append("tier \(decision.tier ?? 0) rests on the author's declarations: \(declared)")
    }
    if let registration = evidence.registration {
      decision.reasons.append(registrationReason(registration))
    }
    var judgement = ClaimJudgement(
      id: claim.id, tier: decision.tier, verdict: decision.verdict, reasons: decision.reasons,
      restsOn: ClaimJudgement.restsOn(tier: decision.tier))
    judgement.n = claim.metric == nil || !claim.problems.isEmpty ? nil : data.n
    judgement.pValues = decision.pValues
    return judgement
  }

  /// Nil when the claim applies to a run with `parameters` (no `when`, or every value it names
  /// matches); else the reason it does not ("this run's sparsity is 0.9; the claim is about
  /// 0.99"). Numbers compare by value, so `when: {rate: 1}` matches a Double 1.0.
  static func whenMismatch(_ claim: Claim, parameters: [String: ParameterValue]) -> String? {
    guard let when = claim.when else { return nil }
    var differ: [String] = []
    for (name, wanted) in when.sorted(by: { $0.key < $1.key }) {
      guard let actual = parameters[name] else {
        differ.append("this run has no parameter \(name); the claim is about \(name) = \(wanted)")
        continue
      }
      if !Self.sameValue(actual, wanted) {
        differ.append("this run's \(name) is \(actual); the claim is about \(wanted)")
      }
    }
    guard !differ.isEmpty else { return nil }
    return "not applicable: " + differ.joined(separator: "; ")
  }

  static func sameValue(_ a: ParameterValue, _ b: ParameterValue) -> Bool {
    switch (a, b) {
    case let (.int(x), .double(y)), let (.double(y), .int(x)): return Double(x) == y
    default: return a == b
    }
  }

  /// A judgement in the making.
  struct Decision {
    var tier: Int?
    var verdict: Verdict
    var reasons: [String]
    /// Set when the ledger check flagged the claim, so the caps do not repeat it.
    var ledgerFlagged = false
    /// The sign-flip p of each superiority comparison, for the prose audit.
    var pValues: [Double] = []
  }

  /// Steps 1-8.
  static func decide(_ claim: Claim, data: ClaimData, evidence: RunEvidence) -> Decision {
    let problems = claim.problems
    if !problems.isEmpty {
      return Decision(
        tier: 1, verdict: .unchecked,
        reasons: problems.map { "the claim is invalid: \($0.message)" })
    }
    // 1. No metric.
    guard let metric = claim.metric else {
      return Decision(
        tier: 1, verdict: .unchecked,
        reasons: ["no executable evidence: the claim names no metric"])
    }
    // 2. A named metric never recorded on a finished seed.
    let missing = claim.namedMetrics.filter { !data.wasRecorded($0) }
    if !missing.isEmpty {
      return Decision(tier: 1, verdict: .unchecked, reasons: neverRecordedReasons(missing, data: data))
    }
    var reasons = incompleteSeedReasons(data)
    // 3. No prediction.
    guard claim.hasPrediction else {
      reasons.insert("a measurement, not a prediction: the claim has no expect, control or baseline", at: 0)
      if data.n >= 2 { reasons.append(describe(metric, data.values(metric))) }
      return Decision(tier: 1, verdict: .unchecked, reasons: reasons)
    }
    // 4. Too few seeds.
    if data.n < minimumSeeds {
      reasons.insert(
        "\(ReasonFormat.count(data.n, "seed")) with every named metric recorded; at least \(minimumSeeds) are needed",
        at: 0)
      return Decision(tier: 1, verdict: .inconclusive, reasons: reasons)
    }
    // 5. Each part.
    let parts = evaluateParts(claim, metric: metric, data: data)
    reasons = parts.map(\.reason) + reasons
    let pValues = parts.compactMap(\.p)
    // 6. Refuted or inconclusive.
    if parts.contains(where: { $0.outcome == .fails }) {
      return Decision(tier: nil, verdict: .refuted, reasons: reasons, pValues: pValues)
    }
    if parts.contains(where: { $0.outcome == .undecided }) {
      return Decision(tier: 1, verdict: .inconclusive, reasons: reasons, pValues: pValues)
    }
    // 7-8. Supported.
    var decision = Decision(tier: 2, verdict: .supported, reasons: reasons, pValues: pValues)
    promote(&decision, claim: claim, data: data, evidence: evidence)
    return decision
  }

  private static func neverRecordedReasons(_ missing: [String], data: ClaimData) -> [String] {
    var reasons = missing.map { "'\($0)' was never recorded" }
    if data.finished.isEmpty {
      reasons.append("no seed finished (\(data.all.count) run)")
    } else {
      let names = data.recordedNames
      let shown = names.prefix(12).joined(separator: ", ")
      reasons.append(
        names.isEmpty
          ? "the finished seeds recorded no metrics"
          : "metrics recorded: \(shown)\(names.count > 12 ? ", ..." : "")")
    }
    return reasons
  }

  /// Finished seeds left out of N because they missed a named metric.
  private static func incompleteSeedReasons(_ data: ClaimData) -> [String] {
    data.incomplete.map { entry in
      "seed \(entry.seed) did not record \(entry.missing.map { "'\($0)'" }.joined(separator: ", ")); "
        + "N counts only seeds that recorded every named metric"
    }
  }

  /// "'x' mean 0.85, 95% CI [0.81, 0.89] over 10 seeds".
  static func describe(_ name: String, _ values: [Double]) -> String {
    let ci = Statistics.tInterval(values, level: level)
    let t = ReasonFormat.numbers([ci.estimate, ci.lower, ci.upper])
    return "'\(name)' mean \(t[0]), 95% CI [\(t[1]), \(t[2])] over \(ReasonFormat.count(values.count, "seed"))"
  }
}
