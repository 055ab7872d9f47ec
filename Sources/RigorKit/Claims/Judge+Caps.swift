extension Judge {
  /// The caps that apply after every step, and the ledger flag for claims the promotion step
  /// did not already flag. A cap that lowers the tier says so ("capped at tier 2: ..."); one
  /// that does not still reports its fact, since it qualifies the evidence.
  static func applyCaps(_ decision: inout Decision, claim: Claim, data: ClaimData, evidence: RunEvidence) {
    func cap(_ limit: Int, _ text: String) {
      if let tier = decision.tier, tier > limit {
        decision.tier = limit
        decision.reasons.append("capped at tier \(limit): \(text)")
      } else {
        decision.reasons.append(text)
      }
    }
    for entry in data.nonFinite {
      decision.reasons.append(
        "seed \(entry.seed) recorded '\(entry.metric)' = \(ReasonFormat.number(entry.value)), an error of its step; the seed counts as failed")
    }
    if data.unfinishedCount > 0 {
      let failed = data.failed + data.nonFinite.map(\.seed)
      let verb =
        data.timedOut.isEmpty ? "failed" : failed.isEmpty ? "timed out" : "failed or timed out"
      let seeds = (failed + data.timedOut).sorted()
      let rest = data.unfinishedCount < data.all.count ? "judged on the rest" : "no seed is left to judge"
      cap(2, "\(data.unfinishedCount) of \(data.all.count) seeds \(verb) (\(ReasonFormat.seeds(seeds))); \(rest)")
    }
    if let metric = claim.metric, data.n >= 2, claim.problems.isEmpty {
      let values = data.values(metric)
      if values.allSatisfy({ $0.bitPattern == values[0].bitPattern }) {
        cap(2, "the metric does not vary with the seed: '\(metric)' is \(ReasonFormat.format(values[0], digits: 17)) in all \(values.count) seeds")
      }
    }
    if !decision.ledgerFlagged {
      let ledger = ledgerCheck(verdict: decision.verdict, evidence: evidence)
      if !ledger.passes { cap(3, ledger.text) }
    }
  }

  /// The ledger check: did an earlier recorded run of this claim, with these parameters, give
  /// a different verdict? `text` is the flag ("unstable: k of n recorded runs supported ...")
  /// when it did, else a summary of the earlier runs.
  static func ledgerCheck(verdict: Verdict, evidence: RunEvidence) -> (passes: Bool, text: String) {
    let earlier = evidence.earlierVerdicts
    guard earlier.contains(where: { $0 != verdict }) else {
      let text: String
      switch earlier.count {
      case 0: text = "no earlier recorded run of this claim with these parameters"
      case 1: text = "the 1 earlier recorded run of this claim with these parameters was also \(verdict.rawValue)"
      default:
        text = "all \(earlier.count) earlier recorded runs of this claim with these parameters were also \(verdict.rawValue)"
      }
      return (true, text)
    }
    let runs = earlier + (evidence.recordedInLedger ? [verdict] : [])
    let supported = runs.filter { $0 == .supported }.count
    let tally = Verdict.allCases.compactMap { v -> String? in
      let k = earlier.filter { $0 == v }.count
      return k == 0 ? nil : "\(k) \(v.rawValue)"
    }.joined(separator: ", ")
    let thisRun = evidence.recordedInLedger ? "this run: \(verdict.rawValue)" : "this run, not recorded: \(verdict.rawValue)"
    return (false, "unstable: \(supported) of \(runs.count) recorded runs supported (earlier: \(tally); \(thisRun))")
  }

  /// What the pre-registration proves, and no more.
  static func registrationReason(_ registration: RunEvidence.Registration) -> String {
    "pre-registered: the claims were committed in \(registration.commit.prefix(12)) on \(registration.ref) "
      + "before the first seed ran; this proves the prediction was committed on this ref before the data, nothing more"
  }
}
