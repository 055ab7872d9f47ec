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
    let ledger = ledgerFindings(claim, verdict: decision.verdict, evidence: evidence)
    if !decision.ledgerFlagged {
      for flag in ledger.flags { cap(flag.cap, flag.text) }
    }
    if let changed = ledger.changedPrediction { cap(changed.cap, changed.text) }
    decision.reasons += ledger.notes
  }

  /// What the pre-registration proves, and no more.
  static func registrationReason(_ registration: RunEvidence.Registration) -> String {
    "pre-registered: the claims were committed in \(registration.commit.prefix(12)) on \(registration.ref) "
      + "before the first seed ran; this proves the prediction was committed on this ref before the data, nothing more"
  }
}
