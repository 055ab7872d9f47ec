import RigorStatistics

extension Judge {
  /// Steps 7-8 for a supported claim: tier 2 without a task; with one, tier 3, or tier 4 when
  /// every tier-4 condition holds; tier 5 for a tier-4 safety claim whose capability does not
  /// rise beyond the tolerance. Says which declarations the tier rests on and which condition
  /// held the claim below the next tier.
  static func promote(_ decision: inout Decision, claim: Claim, data: ClaimData, evidence: RunEvidence) {
    let heldOut = claim.heldOut ? heldOutProblem(data, metric: claim.metric) : nil
    let heldOutVerified = "held_out declared and verified: 'selection' and 'evaluation' splits share no id and '\(claim.metric ?? "")' was recorded on 'evaluation' in all \(ReasonFormat.count(data.finished.count, "finished seed"))"
    guard let task = claim.task else {
      decision.reasons.append("no task declared: basic science (tier 2); declaring a useful task makes tiers 3-5 reachable")
      if claim.heldOut {
        decision.reasons.append(heldOut.map { "held_out declared but not verified: \($0)" } ?? heldOutVerified)
      }
      return
    }
    decision.tier = 3
    decision.reasons.append("task declared: \(task)")
    var support: [String] = []
    var held: [String] = []
    switch (claim.baseline, claim.control) {
    case (nil, _):
      held.append("no baseline given: tier 4 needs a comparison with the strongest non-interpretability baseline for the task")
    case (_, nil):
      held.append("no control given: tier 4 needs a null control that the baseline itself beats, to show the baseline is no strawman")
    case let (baseline?, control?):
      let check = baselineBeatsControl(claim, baseline: baseline, control: control, data: data)
      if check.beats { support.append(check.text) } else { held.append(check.text) }
    }
    if claim.setting == .realistic {
      let setting = realisticSetting(data)
      if let reason = setting.support { support.append(reason) }
      if let reason = setting.held { held.append(reason) }
    } else {
      held.append("setting is toy, not declared realistic")
    }
    if !claim.heldOut {
      held.append("held_out not declared: nothing shows the evaluation data is disjoint from the selection data")
    } else if let heldOut {
      held.append("held_out declared but not verified: \(heldOut)")
    } else {
      support.append(heldOutVerified)
    }
    let ledger = ledgerFindings(claim, verdict: decision.verdict, evidence: evidence)
    if !evidence.recordedInLedger {
      held.append("the run is not recorded in the ledger (--no-commit)")
    }
    if !ledger.flags.isEmpty {
      held += ledger.flags.map(\.text)
      decision.ledgerFlagged = true
    }
    if ledger.passes && evidence.recordedInLedger {
      support.append("ledger check passed: \(ledger.summary)")
    }
    decision.reasons += support
    guard held.isEmpty else {
      decision.reasons += held.map { "held at tier 3: \($0)" }
      return
    }
    decision.tier = 4
    if claim.safety { promoteToSafety(&decision, claim: claim, data: data) }
  }

  /// Step 8: tier 5 needs a capability metric whose CI upper bound is within the tolerance.
  private static func promoteToSafety(_ decision: inout Decision, claim: Claim, data: ClaimData) {
    guard let capability = claim.capability else {
      decision.reasons.append("held at tier 4: safety declared, but no capability metric is given to show capabilities do not rise")
      return
    }
    let ci = Statistics.tInterval(data.values(capability), level: level)
    let t = ReasonFormat.numbers([ci.estimate, ci.lower, ci.upper, claim.capabilityTolerance])
    let measured = "capability '\(capability)' mean \(t[0]), 95% CI [\(t[1]), \(t[2])]"
    if ci.upper <= claim.capabilityTolerance {
      decision.tier = 5
      decision.reasons.append("safety declared; \(measured): upper bound \(t[2]) <= capability_tolerance \(t[3])")
      decision.reasons.append("tier 5: necessary conditions met; a person certifies")
    } else {
      decision.reasons.append("held at tier 4: safety declared, but \(measured): upper bound \(t[2]) > capability_tolerance \(t[3])")
    }
  }

  /// The first tier-4 condition: the baseline itself is Superior to the null control (margin
  /// 0, sign-flip p < 0.05) on the paired difference s · (baseline − control). A baseline no
  /// better than chance makes beating it meaningless.
  static func baselineBeatsControl(
    _ claim: Claim, baseline: String, control: String, data: ClaimData
  ) -> (beats: Bool, text: String) {
    let sign: Double = claim.better == .higher ? 1 : -1
    let d = zip(data.values(baseline), data.values(control)).map { sign * ($0 - $1) }
    let ci = Statistics.tInterval(d, level: level)
    let test = Statistics.signFlipTest(d, id: claim.id)
    let t = ReasonFormat.numbers([ci.estimate, ci.lower, ci.upper, 0])
    let numbers = "mean difference \(t[0]), 95% CI [\(t[1]), \(t[2])], sign-flip \(pText(test))"
    if ci.lower > 0 && test.p < alpha {
      return (true, "baseline '\(baseline)' beats control '\(control)': \(numbers)")
    }
    return (
      false,
      "baseline '\(baseline)' does not beat control '\(control)' (\(numbers)): a baseline weaker than chance is a strawman"
    )
  }

  /// Nil when `held_out: true` is verified: in every finished seed, splits named `selection`
  /// and `evaluation` were both recorded and share no id, and `metric` was recorded on the
  /// `evaluation` split. Otherwise what is wrong.
  static func heldOutProblem(_ data: ClaimData, metric: String?) -> String? {
    guard !data.finished.isEmpty else { return "no seed finished" }
    var problems: [String] = []
    for seed in data.finished {
      let selection = seed.splits["selection"]
      let evaluation = seed.splits["evaluation"]
      let absent = [("selection", selection), ("evaluation", evaluation)].filter { $0.1 == nil }.map(\.0)
      if !absent.isEmpty {
        problems.append("seed \(seed.seed) recorded no \(absent.map { "'\($0)'" }.joined(separator: " or ")) split")
        continue
      }
      let shared = Set(selection ?? []).intersection(evaluation ?? []).sorted()
      if !shared.isEmpty {
        let examples = shared.prefix(3).map(String.init).joined(separator: ", ")
        problems.append(
          "in seed \(seed.seed) 'selection' and 'evaluation' share \(ReasonFormat.count(shared.count, "id")) (e.g. \(examples))")
      }
    }
    if let metric {
      var elsewhere: [String] = []
      for seed in data.finished where seed.metrics[metric] != nil && seed.metricSplits[metric] != "evaluation" {
        let on = seed.metricSplits[metric].map { "on '\($0)'" } ?? "with no split"
        elsewhere.append("seed \(seed.seed) \(on)")
      }
      if !elsewhere.isEmpty {
        let shown = elsewhere.prefix(3).joined(separator: ", ") + (elsewhere.count > 3 ? ", ..." : "")
        problems.insert(
          "metric '\(metric)' was not recorded on the evaluation split (\(shown)); record it with record(\"\(metric)\", value, on: \"evaluation\")",
          at: 0)
      }
    }
    guard !problems.isEmpty else { return nil }
    let more = problems.count > 3 ? "; and \(problems.count - 3) more seeds" : ""
    return problems.prefix(3).joined(separator: "; ") + more
  }
}
