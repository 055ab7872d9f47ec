import Foundation

/// Glue between a run's outcomes and the judge: builds the evidence docs/JUDGING.md reads and turns
/// judgements into the document's claim objects.
enum ClaimJudging {
  static func evidence(
    seeds: [Int], outcomes: [SeedOutcome], hasSteps: Bool = true, checkpoints: [Int: [CheckpointDocument]] = [:]
  ) -> [SeedEvidence] {
    // A notebook with no steps runs no process: every seed trivially finishes, recording nothing.
    guard hasSteps else { return seeds.map { SeedEvidence(seed: $0, status: .ok) } }
    let bySeed = Dictionary(outcomes.map { ($0.seed, $0) }, uniquingKeysWith: { a, _ in a })
    return seeds.map { seed in
      guard let outcome = bySeed[seed] else { return SeedEvidence(seed: seed, status: .failed) }
      return SeedEvidence(
        seed: seed, status: outcome.status, metrics: outcome.metricValues, splits: outcome.splits,
        metricSplits: outcome.metricSplits, checkpoints: (checkpoints[seed] ?? []).map(CheckpointEvidence.init))
    }
  }

  /// Rebuilds per-seed evidence from a stored document (for `rigor check`).
  static func evidence(from document: RunDocument) -> [SeedEvidence] {
    document.seeds.enumerated().map { position, seed in
      let run = document.runs.first { $0.seed == seed }
      // A seed with no run entry never finished.
      let status = run?.status ?? .failed
      var metrics: [String: Double] = [:]
      for (name, values) in document.metrics where position < values.count {
        if let value = values[position] { metrics[name] = value }
      }
      return SeedEvidence(
        seed: seed, status: status, metrics: metrics, splits: document.splits?[String(seed)] ?? [:],
        metricSplits: document.metricSplits?[String(seed)] ?? [:],
        checkpoints: (run?.checkpoints ?? []).map(CheckpointEvidence.init))
    }
  }

  static func judge(
    _ claims: [Claim], seeds: [SeedEvidence], recorded: Bool,
    registration: RunEvidence.Registration?, parameters: [String: ParameterValue],
    history: (Claim) -> ClaimHistory
  ) -> [ClaimDocument] {
    claims.map { claim in
      let evidence = RunEvidence(
        seeds: seeds, recordedInLedger: recorded,
        registration: registration, parameters: parameters, history: history(claim))
      let judgement = Judge.judge(claim, evidence: evidence)
      var document = ClaimDocument(
        id: judgement.id, tier: judgement.tier, verdict: judgement.verdict,
        reasons: judgement.reasons, says: claim.says, claimHash: claim.canonicalHash,
        restsOn: judgement.restsOn)
      document.n = judgement.n
      document.pValues = judgement.pValues.isEmpty ? nil : judgement.pValues
      var alone = evidence
      alone.history = ClaimHistory()
      let withoutLedger = Judge.judge(claim, evidence: alone).tier
      if withoutLedger != judgement.tier { document.tierBeforeLedger = withoutLedger }
      return document
    }
  }
}
