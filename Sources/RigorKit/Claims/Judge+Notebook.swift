extension Judge {
  /// Judges every claim of a notebook on one run, in the claims' order.
  ///
  /// - Parameters:
  ///   - claims: the notebook's claims.
  ///   - evidence: the run; its `earlierVerdicts` is ignored in favour of `earlierVerdicts`.
  ///   - earlierVerdicts: for each claim's `canonicalHash`, the verdicts of earlier recorded
  ///     runs with the same parameters (missing key: no earlier run).
  public static func judge(
    _ claims: [Claim], evidence: RunEvidence, earlierVerdicts: [String: [Verdict]]
  ) -> [ClaimJudgement] {
    claims.map { claim in
      var own = evidence
      own.earlierVerdicts = earlierVerdicts[claim.canonicalHash] ?? []
      return judge(claim, evidence: own)
    }
  }
}
