import Testing

@testable import RigorKit

/// Steps 1-6 of docs/JUDGING.md: what makes a claim unchecked, inconclusive or refuted.
@Suite struct JudgeProcedureTests {
  typealias F = JudgeFixture

  @Test func noMetricIsUncheckedPontification() {
    let j = F.judge(Claim(id: "a", says: "SAEs find the truth."), F.run(F.strong))
    #expect(j.tier == 1 && j.verdict == .unchecked)
    #expect(j.says("no executable evidence"))
  }

  @Test func namedMetricNeverRecordedIsUnchecked() {
    let claim = Claim(id: "a", says: "x", metric: "m", baseline: "missing_b")
    let j = F.judge(claim, F.run(F.strong))
    #expect(j.tier == 1 && j.verdict == .unchecked)
    #expect(j.says("'missing_b' was never recorded"))
    #expect(j.says("metrics recorded: b, c, m"))
  }

  @Test func metricRecordedOnlyByAFailedSeedCountsAsNeverRecorded() {
    let claim = Claim(id: "a", says: "x", metric: "m", expect: .greaterThan(0))
    let failedOnly = F.run(["m": [0.5, nil, nil], "other": [1, 1, 1]], statuses: [0: .failed])
    let j = F.judge(claim, failedOnly)
    #expect(j.verdict == .unchecked && j.says("'m' was never recorded"))
    // Just inside: one finished seed records it, so step 2 passes and step 4 decides.
    let oneFinished = F.run(["m": [0.5, 0.6, nil], "other": [1, 1, 1]], statuses: [0: .failed])
    let k = F.judge(claim, oneFinished)
    #expect(k.verdict == .inconclusive && k.says("1 seed with every named metric recorded"))
  }

  @Test func noPredictionIsAMeasurement() {
    let j = F.judge(Claim(id: "a", says: "x", metric: "m"), F.run(F.strong))
    #expect(j.tier == 1 && j.verdict == .unchecked)
    #expect(j.says("a measurement, not a prediction"))
    // scipy: ttest_1samp(m, 0).confidence_interval() = (0.8962193923063948, 0.9271139410269384)
    #expect(j.says("'m' mean 0.9117, 95% CI [0.8962, 0.9271] over 6 seeds"))
  }

  @Test func fourSeedsAreInconclusiveAndFiveAreJudged() {
    let claim = Claim(id: "a", says: "x", metric: "m", expect: .greaterThan(0.5))
    let four = F.judge(claim, F.run(["m": [0.9, 0.91, 0.92, 0.93]]))
    #expect(four.tier == 1 && four.verdict == .inconclusive)
    #expect(four.says("4 seeds with every named metric recorded; at least 5 are needed"))
    let five = F.judge(claim, F.run(["m": [0.9, 0.91, 0.92, 0.93, 0.9]]))
    #expect(five.verdict == .supported && five.tier == 2)
  }

  @Test func nCountsOnlyCompleteCases() {
    // Six seeds, but seed 2 did not record the baseline: N = 5 is still enough ...
    var columns = F.strong
    columns["b"]![2] = nil
    let claim = Claim(id: "a", says: "x", metric: "m", baseline: "b")
    let five = F.judge(claim, F.run(columns))
    #expect(five.verdict == .supported)
    #expect(five.says("seed 2 did not record 'b'"))
    // ... and with seed 3 also missing the metric, N = 4 is not.
    columns["m"]![3] = nil
    let four = F.judge(claim, F.run(columns))
    #expect(four.verdict == .inconclusive && four.says("4 seeds with every named metric"))
  }

  @Test func failingExpectationRefutes() {
    // scipy: ttest_1samp(m, 0).confidence_interval() upper bound = 0.9271139410269384
    let claim = Claim(id: "a", says: "x", metric: "m", expect: .atLeast(0.93))
    let j = F.judge(claim, F.run(F.strong))
    #expect(j.tier == nil && j.verdict == .refuted)
    #expect(j.says("upper bound 0.9271 < 0.93"))
    // Just inside: an expectation the upper bound reaches is undecided, not refuted.
    let k = F.judge(Claim(id: "a", says: "x", metric: "m", expect: .atLeast(0.927)), F.run(F.strong))
    #expect(k.tier == 1 && k.verdict == .inconclusive)
  }

  @Test func anyFailingPartRefutesEvenWhenAnotherIsUndecided() {
    let claim = Claim(id: "a", says: "x", metric: "m", expect: .atLeast(0.927), baseline: "b", margin: 0.5)
    let j = F.judge(claim, F.run(F.strong))
    // expect undecided; baseline: upper bound 0.1175 < 0? No, so undecided too: inconclusive.
    #expect(j.verdict == .inconclusive)
    let worse = Claim(id: "a", says: "x", metric: "b", expect: .atLeast(0.927), baseline: "m")
    #expect(F.judge(worse, F.run(F.strong)).verdict == .refuted)
  }

  @Test func invalidClaimBuiltInCodeIsNotJudged() {
    let claim = Claim(id: "a", says: "x", metric: "m", baseline: "b", competitive: true)
    let j = F.judge(claim, F.run(F.strong))
    #expect(j.tier == 1 && j.verdict == .unchecked)
    #expect(j.says("the claim is invalid: competitive: true (non-inferiority) needs margin > 0"))
  }
}
