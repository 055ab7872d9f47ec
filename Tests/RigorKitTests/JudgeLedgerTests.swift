import Testing

@testable import RigorKit

/// The four ledger checks (docs/JUDGING.md): unstable, fishing, changed prediction, interrupted.
@Suite struct JudgeLedgerTests {
  typealias F = JudgeFixture
  typealias Run = ClaimHistory.Run

  static let sparse: [String: ParameterValue] = ["sparsity": .double(0.99), "features": .int(20)]
  static let dense: [String: ParameterValue] = ["sparsity": .double(0.9), "features": .int(20)]

  func judge(_ claim: Claim = F.tierFour, history: ClaimHistory, parameters: [String: ParameterValue] = sparse, firstSeed: Int = 0) -> ClaimJudgement {
    F.judge(claim, F.run(F.strong, parameters: parameters, history: history, firstSeed: firstSeed))
  }

  func earlier(
    _ verdict: Verdict, parameters: [String: ParameterValue] = sparse, n: Int? = 6, seeds: [Int] = Array(0..<6),
    sameDefinition: Bool? = true, failure: Run.Failure = .none, commit: String = "c0ffee"
  ) -> Run {
    Run(
      commit: commit, sameDefinition: sameDefinition, parameters: parameters, verdict: verdict, n: n, seeds: seeds,
      failure: failure)
  }

  @Test func anEarlierRefutationWithTheSameSettingIsUnstable() {
    let j = judge(history: ClaimHistory(runs: [earlier(.refuted)]))
    #expect(j.tier == 3)
    #expect(j.says("held at tier 3: unstable: 1 of 2 recorded runs supported (earlier: 1 refuted; this run: supported)"))
  }

  @Test func earlierRunsWithFewerThanFiveSeedsDoNotCount() {
    let j = judge(history: ClaimHistory(runs: [earlier(.inconclusive, n: 4)]))
    #expect(j.tier == 4 && j.says("ledger check passed"))
  }

  @Test func aRunThatFailedAfterRecordingTheMetricCountsAsADifferentVerdict() {
    let j = judge(history: ClaimHistory(runs: [earlier(.supported, n: 3, failure: .afterMetric)]))
    #expect(j.tier == 3)
    #expect(j.says("unstable: 1 of 2 recorded runs supported (earlier: 1 supported; this run: supported); 1 run failed after recording the metric"))
  }

  @Test func aRunThatFailedBeforeTheMetricIsNamedButCountsNothing() {
    let j = judge(history: ClaimHistory(runs: [earlier(.unchecked, n: 0, failure: .beforeMetric)]))
    #expect(j.tier == 4)
    #expect(j.says("1 earlier run with these parameters failed before recording any of the claim's metrics; counted as nothing"))
  }

  @Test func fishingAcrossTwoParameterValuesIsFlagged() {
    let j = judge(history: ClaimHistory(runs: [earlier(.refuted, parameters: Self.dense)]))
    #expect(j.tier == 3)
    #expect(j.says("held at tier 3: supported in 1 of 2 recorded parameter settings (sparsity=0.9: refuted; this run's: supported)"))
  }

  @Test func theSameVerdictInAnotherSettingIsNoFishing() {
    let j = judge(history: ClaimHistory(runs: [earlier(.supported, parameters: Self.dense)]))
    #expect(j.tier == 4)
  }

  @Test func runsAClaimWithWhenDoesNotApplyToAreNotFishing() {
    var claim = F.tierFour
    claim.when = ["sparsity": .double(0.99)]
    let j = judge(claim, history: ClaimHistory(runs: [earlier(.notApplicable, parameters: Self.dense, n: 0)]))
    #expect(j.tier == 4)
  }

  @Test func aRedefinedClaimOnTheSameSeedsIsCappedAtTierOne() {
    let old = earlier(.inconclusive, seeds: Array(0..<6), sameDefinition: false)
    let j = judge(history: ClaimHistory(runs: [old], recordedSeeds: Set(0..<6)))
    #expect(j.verdict == .supported && j.tier == 1)
    #expect(j.says("capped at tier 1: claim tier-four's definition changed after 1 recorded run on seeds 0-5; re-run on fresh seeds, e.g. --seeds 6-11, to test the new prediction"))
  }

  @Test func aRedefinedClaimOnFreshSeedsIsNotCapped() {
    let old = earlier(.inconclusive, seeds: Array(0..<6), sameDefinition: false)
    let j = judge(history: ClaimHistory(runs: [old], recordedSeeds: Set(0..<6)), firstSeed: 6)
    #expect(j.tier == 4 && !j.says("definition changed"))
  }

  @Test func aFreshSeedRunWithTheSameVerdictLiftsTheCapForLaterRuns() {
    let old = earlier(.inconclusive, seeds: Array(0..<6), sameDefinition: false)
    let fresh = earlier(.supported, seeds: Array(6..<12), commit: "feedfacefeedface")
    let j = judge(history: ClaimHistory(runs: [fresh, old], recordedSeeds: Set(0..<12)))
    #expect(j.tier == 4)
    #expect(j.says("the new prediction was tested on fresh seeds 6-11 (result feedfacefeed), which also gave supported"))
    // A fresh run with another verdict does not lift it.
    let refuted = earlier(.refuted, seeds: Array(6..<12))
    #expect(judge(history: ClaimHistory(runs: [refuted, old])).tier == 1)
  }

  @Test func aRedefinitionInAnotherSettingIsNotAChangedPrediction() {
    let old = earlier(.inconclusive, parameters: Self.dense, sameDefinition: false)
    #expect(judge(history: ClaimHistory(runs: [old])).tier == 4)
  }

  @Test func interruptedRunsAreCountedAndCapNothing() {
    let j = judge(history: ClaimHistory(interrupted: 2))
    #expect(j.tier == 4)
    #expect(j.says("2 earlier runs were interrupted before a result"))
    #expect(judge(history: ClaimHistory(interrupted: 1)).says("1 earlier run was interrupted before a result"))
  }
}
