import Foundation
import Testing

@testable import RigorKit

/// The tier-4 conditions added for issue #14 (a baseline that beats a control, the metric on
/// the evaluation split), `when`, and what a tier rests on.
@Suite struct JudgeDeclarationTests {
  typealias F = JudgeFixture

  @Test func aBaselineThatBeatsItsControlOpensTierFourAndSaysSo() {
    let j = F.judge(F.tierFour, F.run(F.strong))
    #expect(j.tier == 4)
    // scipy: ttest_1samp(b - c, 0).confidence_interval() = (0.2979140709916885, 0.3087525956749782).
    #expect(j.says("baseline 'b' beats control 'c': mean difference 0.3033, 95% CI [0.2979, 0.3088], sign-flip p = 0.015625 (1 of 64 sign patterns)"))
    #expect(j.restsOn == ["task", "setting"])
  }

  @Test func aStrawmanBaselineHoldsTheClaimAtTierThree() {
    var columns = F.strong
    columns["c"] = F.strawmanControl
    let j = F.judge(F.tierFour, F.run(columns))
    // The claim itself still beats its baseline and its control; only tier 4 is refused.
    #expect(j.verdict == .supported && j.tier == 3)
    #expect(j.says("held at tier 3: baseline 'b' does not beat control 'c'"))
    #expect(j.says("a baseline weaker than chance is a strawman"))
  }

  @Test func aBaselineLevelWithItsControlIsAlsoAStrawman() {
    // Edge: b − c alternates ±0.01 around 0, so the interval straddles 0 (not Superior).
    var columns = F.strong
    columns["c"] = [0.81, 0.80, 0.80, 0.81, 0.81, 0.80]
    let j = F.judge(F.tierFour, F.run(columns))
    #expect(j.tier == 3 && j.says("does not beat control 'c'"))
  }

  @Test func noControlHoldsTheClaimAtTierThree() {
    var claim = F.tierFour
    claim.control = nil
    let j = F.judge(claim, F.run(F.strong))
    #expect(j.verdict == .supported && j.tier == 3)
    #expect(j.says("held at tier 3: no control given"))
  }

  @Test func theMetricRecordedOnTheSelectionSplitLeavesHeldOutUnverified() {
    let j = F.judge(F.tierFour, F.run(F.strong, metricSplits: [2: ["m": "selection", "b": "evaluation"]]))
    #expect(j.tier == 3)
    #expect(j.says("held at tier 3: held_out declared but not verified: metric 'm' was not recorded on the evaluation split (seed 2 on 'selection')"))
  }

  @Test func theMetricRecordedWithNoSplitLeavesHeldOutUnverified() {
    let j = F.judge(F.tierFour, F.run(F.strong, metricSplits: [0: [:]]))
    #expect(j.tier == 3 && j.says("metric 'm' was not recorded on the evaluation split (seed 0 with no split)"))
  }

  @Test func theBaselineOnAnotherSplitDoesNotMatterOnlyTheMetric() {
    let j = F.judge(F.tierFour, F.run(F.strong, metricSplits: [0: ["m": "evaluation"]]))
    #expect(j.tier == 4)
  }

  @Test func whenMatchingTheRunJudgesTheClaim() {
    var claim = F.tierFour
    claim.when = ["sparsity": .double(0.99), "features": .int(20)]
    let j = F.judge(claim, F.run(F.strong, parameters: ["sparsity": .double(0.99), "features": .int(20)]))
    #expect(j.verdict == .supported && j.tier == 4)
  }

  @Test func whenNotMatchingTheRunIsNotApplicableWithNoTier() {
    var claim = F.tierFour
    claim.when = ["sparsity": .double(0.99)]
    let j = F.judge(claim, F.run(F.strong, parameters: ["sparsity": .double(0.9)]))
    #expect(j.verdict == .notApplicable && j.tier == nil && j.restsOn.isEmpty)
    #expect(j.reasons == ["not applicable: this run's sparsity is 0.9; the claim is about 0.99"])
  }

  @Test func whenComparesNumbersByValue() {
    var claim = F.tierFour
    claim.when = ["rate": .int(1)]
    #expect(F.judge(claim, F.run(F.strong, parameters: ["rate": .double(1)])).verdict == .supported)
  }

  @Test func restsOnFollowsTheTier() {
    #expect(ClaimJudgement.restsOn(tier: nil) == [])
    #expect(ClaimJudgement.restsOn(tier: 2) == [])
    #expect(ClaimJudgement.restsOn(tier: 3) == ["task"])
    #expect(ClaimJudgement.restsOn(tier: 4) == ["task", "setting"])
    #expect(ClaimJudgement.restsOn(tier: 5) == ["task", "setting", "safety"])
    #expect(ClaimDocument(id: "a", tier: 3, verdict: .supported, reasons: []).tierMark == "3\u{2020}")
    #expect(ClaimDocument(id: "a", tier: 2, verdict: .supported, reasons: []).tierMark == "2")
    #expect(ClaimDocument(id: "a", tier: nil, verdict: .notApplicable, reasons: []).tierMark == "-")
  }

  @Test func claimDocumentsCarryRestsOnInJSON() throws {
    let document = ClaimDocument(id: "a", tier: 3, verdict: .supported, reasons: [])
    let text = try JSONOutput.encode(document)
    let back = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
    #expect(back?["rests_on"] as? [String] == ["task"])
    // A result recorded before the field existed reads it back from the tier.
    let old = try JSONOutput.decode(
      ClaimDocument.self, from: Data(#"{"id":"a","tier":4,"verdict":"supported","reasons":[]}"#.utf8))
    #expect(old.restsOn == ["task", "setting"])
  }
}
