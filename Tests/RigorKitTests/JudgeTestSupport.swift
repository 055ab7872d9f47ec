@testable import RigorKit

/// Builders for judge tests: columns of per-seed values become a run's evidence.
enum JudgeFixture {
  /// Seeds 0..<n where n is the longest column; a nil value is a metric that seed did not
  /// record. Every seed declares disjoint `selection` (0..<50) and `evaluation` (50..<100)
  /// splits unless `splits` overrides them, records every metric on `evaluation` unless
  /// `metricSplits` overrides it (per seed; an empty map records them with no split), and
  /// loads ``pretrained`` unless `checkpoints` (by seed) overrides it.
  static func run(
    _ columns: [String: [Double?]], statuses: [Int: SeedStatus] = [:],
    splits: [Int: [String: [Int]]] = [:], metricSplits: [Int: [String: String]] = [:],
    recorded: Bool = true, earlier: [Verdict] = [],
    registration: RunEvidence.Registration? = nil, parameters: [String: ParameterValue] = [:],
    history: ClaimHistory? = nil, firstSeed: Int = 0, checkpoints: [Int: [CheckpointEvidence]]? = nil
  ) -> RunEvidence {
    let n = columns.values.map(\.count).max() ?? 0
    let seeds = (0..<n).map { position in
      let seed = firstSeed + position
      var metrics: [String: Double] = [:]
      for (name, values) in columns where position < values.count {
        if let value = values[position] { metrics[name] = value }
      }
      return SeedEvidence(
        seed: seed, status: statuses[seed] ?? .ok, metrics: metrics,
        splits: splits[seed] ?? ["selection": Array(0..<50), "evaluation": Array(50..<100)],
        metricSplits: metricSplits[seed] ?? metrics.mapValues { _ in "evaluation" },
        checkpoints: checkpoints.map { $0[seed] ?? [] } ?? [pretrained])
    }
    return RunEvidence(
      seeds: seeds, recordedInLedger: recorded, earlierVerdicts: earlier, registration: registration,
      parameters: parameters, history: history)
  }

  /// A verified pretrained model checkpoint: every seed loads it unless `checkpoints` says
  /// otherwise, so `setting: realistic` counts by default.
  static let pretrained = CheckpointEvidence(
    name: "smollm2-135m-instruct", kind: "model",
    sha256: "b179c9523d0e6a0f98a330c7562b682750a6f8c8c15e5bc70ea373728110db53", verified: true)

  /// A strongly supported comparison over 6 seeds: d = metric − baseline ≈ 0.107, all positive.
  /// scipy: ttest_1samp(d, 0).confidence_interval() = (0.09582814198337687, 0.11750519134995648),
  /// permutation_test(... alternative='greater', n_resamples=inf).pvalue = 0.015625 (1/64).
  static let strongMetric: [Double?] = [0.90, 0.92, 0.91, 0.93, 0.89, 0.92]
  static let strongBaseline: [Double?] = [0.80, 0.81, 0.79, 0.82, 0.80, 0.81]
  /// A null control the baseline beats: b − c = 0.30, 0.30, 0.30, 0.31, 0.31, 0.30.
  /// scipy: ttest_1samp(b - c, 0).confidence_interval() = (0.2979140709916885, 0.3087525956749782);
  /// every difference is positive, so the exact sign-flip p = 1/64.
  static let strongControl: [Double?] = [0.50, 0.51, 0.49, 0.51, 0.49, 0.51]
  /// A null control between the method and the baseline: the method beats it, but the
  /// baseline does not (c − b = 0.05 on every seed): the baseline is a strawman, as PCA was
  /// in the SAE notebook.
  static let strawmanControl: [Double?] = [0.85, 0.86, 0.84, 0.87, 0.85, 0.86]
  static let strong: [String: [Double?]] = ["m": strongMetric, "b": strongBaseline, "c": strongControl]

  /// A claim that reaches tier 4 on `strong` when the run is recorded.
  static let tierFour = Claim(
    id: "tier-four", says: "m beats b on the task.", metric: "m", control: "c",
    task: "anomaly detection", baseline: "b", margin: 0.05, setting: .realistic, heldOut: true)

  static func judge(_ claim: Claim, _ evidence: RunEvidence) -> ClaimJudgement {
    Judge.judge(claim, evidence: evidence)
  }
}

extension ClaimJudgement {
  /// Whether some reason contains `text`.
  func says(_ text: String) -> Bool { reasons.contains { $0.contains(text) } }
}
