extension Judge {
  /// Judges every claim of a notebook on one run, in the claims' order.
  ///
  /// - Parameters:
  ///   - claims: the notebook's claims.
  ///   - evidence: the run; its `history` is replaced by each claim's own.
  ///   - earlierVerdicts: for each claim's `canonicalHash`, the verdicts of earlier recorded
  ///     runs with the same parameters (missing key: no earlier run).
  public static func judge(
    _ claims: [Claim], evidence: RunEvidence, earlierVerdicts: [String: [Verdict]]
  ) -> [ClaimJudgement] {
    claims.map { claim in
      let own = RunEvidence(
        seeds: evidence.seeds, recordedInLedger: evidence.recordedInLedger,
        earlierVerdicts: earlierVerdicts[claim.canonicalHash] ?? [],
        registration: evidence.registration, parameters: evidence.parameters)
      return judge(claim, evidence: own)
    }
  }
}
