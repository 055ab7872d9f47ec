import Foundation
import Testing

@testable import RigorKit

/// The caps that apply after every step, and the JSON shape of a judgement.
@Suite struct JudgeCapTests {
  typealias F = JudgeFixture

  /// `strong` plus a seventh seed that did not finish; its values must be dropped.
  func runWithSeven(_ status: SeedStatus) -> RunEvidence {
    var columns = F.strong
    columns["m"]!.append(0.0)  // would wreck the comparison if it were counted
    columns["b"]!.append(1.0)
    return F.run(columns, statuses: [6: status])
  }

  @Test func aFailedSeedCapsAtTierTwoAndIsDropped() {
    let j = F.judge(F.tierFour, runWithSeven(.failed))
    #expect(j.tier == 2 && j.verdict == .supported)
    #expect(j.says("capped at tier 2: 1 of 7 seeds failed (seed 6); judged on the rest"))
    #expect(j.says("6 seeds: holds"))
  }

  @Test func aTimedOutSeedCapsAtTierTwo() {
    let j = F.judge(F.tierFour, runWithSeven(.timedOut))
    #expect(j.tier == 2 && j.says("1 of 7 seeds timed out (seed 6)"))
  }

  @Test func noFailedSeedNoCap() {
    #expect(F.judge(F.tierFour, F.run(F.strong)).tier == 4)
  }

  @Test func aFailedSeedIsReportedEvenWhenTheTierIsAlreadyLow() {
    let claim = Claim(id: "a", says: "x", metric: "m")
    let j = F.judge(claim, runWithSeven(.failed))
    #expect(j.tier == 1 && j.says("1 of 7 seeds failed (seed 6); judged on the rest"))
    #expect(!j.says("capped"))
  }

  @Test func aNonFiniteValueCountsAsAFailedSeed() {
    var columns = F.strong
    columns["m"]!.append(.nan)
    columns["b"]!.append(0.5)
    let j = F.judge(F.tierFour, F.run(columns))
    #expect(j.tier == 2 && j.says("seed 6 recorded 'm' = nan, an error of its step"))
    #expect(j.says("1 of 7 seeds failed"))
  }

  @Test func aMetricThatDoesNotVaryWithTheSeedCapsAtTierTwo() {
    // The metric is bit-identical in all seeds; the baseline varies, so d does.
    let constant: [Double?] = Array(repeating: 0.9, count: 6)
    let j = F.judge(F.tierFour, F.run(["m": constant, "b": F.strongBaseline, "c": F.strongControl]))
    #expect(j.verdict == .supported && j.tier == 2)
    #expect(j.says("capped at tier 2: the metric does not vary with the seed: 'm' is 0.90000000000000002 in all 6 seeds"))
    // Just outside: one seed differing in the last bit lifts the cap.
    var almost = constant
    almost[5] = 0.9.nextUp
    #expect(F.judge(F.tierFour, F.run(["m": almost, "b": F.strongBaseline, "c": F.strongControl])).tier == 4)
  }

  @Test func zeroVarianceIntervalIsAnOrdinaryInterval() {
    // A constant metric has CI [0.9, 0.9]; ">= 0.9" holds on it and "> 0.9" fails.
    let constant: [Double?] = Array(repeating: 0.9, count: 5)
    let holds = Claim(id: "z", says: "x", metric: "m", expect: .atLeast(0.9))
    let fails = Claim(id: "z", says: "x", metric: "m", expect: .greaterThan(0.9))
    let j = F.judge(holds, F.run(["m": constant]))
    #expect(j.verdict == .supported && j.tier == 2)
    #expect(F.judge(fails, F.run(["m": constant])).verdict == .refuted)
  }

  @Test func aRefutedClaimEncodesAsTheCLIShapeWithNullTier() throws {
    let refuted = ClaimDocument(id: "a", tier: nil, verdict: .refuted, reasons: ["r"])
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    let text = String(decoding: try encoder.encode(refuted), as: UTF8.self)
    #expect(text == #"{"id":"a","reasons":["r"],"rests_on":[],"tier":null,"verdict":"refuted"}"#)
    #expect(try JSONDecoder().decode(ClaimDocument.self, from: Data(text.utf8)) == refuted)
  }
}
