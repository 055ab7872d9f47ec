extension Judge {
  /// What the ledger check found for one claim (docs/JUDGING.md, rules 1-4).
  struct LedgerFindings {
    /// A flag and the tier it caps the claim at.
    struct Flag {
      var cap: Int
      var text: String
    }

    /// Unstable (rule 1) and fishing (rule 2): each caps at tier 3.
    var flags: [Flag] = []
    /// Changed prediction (rule 3): caps at tier 1 until tested on fresh seeds.
    var changedPrediction: Flag?
    /// Facts that cap nothing: interrupted runs, failures before the metric, a lifted rule 3.
    var notes: [String] = []
    /// What a passing check says.
    var summary: String

    var passes: Bool { flags.isEmpty && changedPrediction == nil }
  }

  /// The four ledger checks for `claim`, whose verdict in this run is `verdict`.
  static func ledgerFindings(_ claim: Claim, verdict: Verdict, evidence: RunEvidence) -> LedgerFindings {
    let history = evidence.history
    let parameters = evidence.parameters
    let key = Ledger.parametersKey(parameters)
    let same = history.runs.filter { $0.sameDefinition == true }
    let sameSetting = same.filter { $0.parametersKey == key }
    var findings = LedgerFindings(summary: ledgerSummary(sameSetting.map(\.verdict), verdict: verdict))

    // 1. Unstable: same definition and parameters (seeds are not parameters).
    let judged = sameSetting.filter { ($0.n ?? 0) >= minimumSeeds || $0.failure == .afterMetric }
    let differing = judged.filter { $0.verdict != verdict || $0.failure == .afterMetric }
    if !differing.isEmpty {
      let thisRun = evidence.recordedInLedger ? [verdict] : []
      let all = judged.map(\.verdict) + thisRun
      let supported = judged.filter { $0.verdict == .supported && $0.failure != .afterMetric }.count
        + thisRun.filter { $0 == .supported }.count
      var text = "unstable: \(supported) of \(all.count) recorded runs supported (earlier: \(tally(judged.map(\.verdict))); "
        + (evidence.recordedInLedger ? "this run: \(verdict.rawValue)" : "this run, not recorded: \(verdict.rawValue)") + ")"
      let failedAfter = judged.filter { $0.failure == .afterMetric }.count
      if failedAfter > 0 {
        text += "; \(ReasonFormat.count(failedAfter, "run")) failed after recording the metric"
      }
      findings.flags.append(LedgerFindings.Flag(cap: 3, text: text))
    }
    let failedBefore = sameSetting.filter { $0.failure == .beforeMetric }.count
    if failedBefore > 0 {
      findings.notes.append(
        "\(ReasonFormat.count(failedBefore, "earlier run")) with these parameters failed before recording any of the claim's metrics; counted as nothing")
    }

    // 2. Fishing: same definition, other parameters the claim applies to.
    let others = same.filter {
      $0.parametersKey != key && $0.verdict != .notApplicable
        && ($0.n ?? 0) >= minimumSeeds
    }
    if others.contains(where: { $0.verdict != verdict }) {
      findings.flags.append(LedgerFindings.Flag(cap: 3, text: fishingText(others, verdict: verdict, parameters: parameters)))
    }

    // 3. Changed prediction: another definition's values on (parameters, seed) pairs this run uses.
    let thisSeeds = Set(evidence.seeds.map(\.seed))
    let redefined = history.runs.filter {
      $0.sameDefinition == false && $0.recordedClaimMetrics && $0.parametersKey == key
    }
    let oldSeeds = Set(redefined.flatMap(\.seeds))
    if !oldSeeds.isDisjoint(with: thisSeeds) {
      let fresh = sameSetting.first { Set($0.seeds).isDisjoint(with: oldSeeds) && $0.verdict == verdict }
      let runs = ReasonFormat.count(redefined.count, "recorded run")
      if let fresh {
        findings.notes.append(
          "claim \(claim.id)'s definition changed after \(runs) on seeds \(SeedList.describe(oldSeeds.sorted())); "
            + "the new prediction was tested on fresh seeds \(SeedList.describe(fresh.seeds.sorted())) (result \(fresh.commit.prefix(12))), which also gave \(verdict.rawValue)")
      } else {
        let used = history.recordedSeeds.union(oldSeeds).union(thisSeeds)
        let start = (used.max() ?? -1) + 1
        let suggestion = "\(start)-\(start + max(thisSeeds.count, minimumSeeds) - 1)"
        findings.changedPrediction = LedgerFindings.Flag(
          cap: 1,
          text: "claim \(claim.id)'s definition changed after \(runs) on seeds \(SeedList.describe(oldSeeds.sorted())); "
            + "re-run on fresh seeds, e.g. --seeds \(suggestion), to test the new prediction")
      }
    }

    // 4. Interrupted: counted and named, capping nothing.
    if history.interrupted > 0 {
      let verb = history.interrupted == 1 ? "run was" : "runs were"
      findings.notes.append("\(history.interrupted) earlier \(verb) interrupted before a result")
    }
    return findings
  }

  /// "supported in 1 of 2 recorded parameter settings (sparsity=0.9: refuted; this run, sparsity=0.99: supported)".
  private static func fishingText(
    _ others: [ClaimHistory.Run], verdict: Verdict, parameters: [String: ParameterValue]
  ) -> String {
    var settings: [(key: String, label: String, verdicts: [Verdict])] = []
    for run in others {
      let key = run.parametersKey
      let differing = run.parameters.keys.filter { name in
        !(parameters[name].map { Judge.sameValue($0, run.parameters[name]!) } ?? false)
      }
      let label = differing.sorted().map { "\($0)=\(run.parameters[$0]!)" }.joined(separator: ", ")
      if let index = settings.firstIndex(where: { $0.key == key }) {
        settings[index].verdicts.append(run.verdict)
      } else {
        settings.append((key, label.isEmpty ? "other parameters" : label, [run.verdict]))
      }
    }
    let supported = settings.filter { $0.verdicts.allSatisfy { $0 == .supported } }.count + (verdict == .supported ? 1 : 0)
    let described = settings.map { setting in
      let verdicts = Array(Set(setting.verdicts.map(\.rawValue))).sorted().joined(separator: "/")
      return "\(setting.label): \(verdicts)"
    }
    return "supported in \(supported) of \(settings.count + 1) recorded parameter settings (\(described.joined(separator: ", ")); this run's: \(verdict.rawValue))"
  }

  private static func ledgerSummary(_ earlier: [Verdict], verdict: Verdict) -> String {
    switch earlier.count {
    case 0: return "no earlier recorded run of this claim with these parameters"
    case 1: return "the 1 earlier recorded run of this claim with these parameters was also \(verdict.rawValue)"
    default:
      return "all \(earlier.count) earlier recorded runs of this claim with these parameters were also \(verdict.rawValue)"
    }
  }

  private static func tally(_ verdicts: [Verdict]) -> String {
    Verdict.allCases.compactMap { v -> String? in
      let k = verdicts.filter { $0 == v }.count
      return k == 0 ? nil : "\(k) \(v.rawValue)"
    }.joined(separator: ", ")
  }
}
