import Testing

@testable import RigorKit

/// Steps 7 and 8: which supported claims reach tiers 2-5, and what holds them back.
@Suite struct JudgeTierTests {
  typealias F = JudgeFixture

  @Test func everyConditionMetReachesTierFourAndQuotesTheDeclarations() {
    let j = F.judge(F.tierFour, F.run(F.strong))
    #expect(j.tier == 4 && j.verdict == .supported)
    #expect(j.says("task declared: anomaly detection"))
    #expect(j.says("setting declared realistic"))
    #expect(j.says("held_out declared and verified"))
    #expect(j.says("ledger check passed: no earlier recorded run"))
    // scipy CI of d: (0.09582814198337687, 0.11750519134995648); exact p = 1/64.
    #expect(j.says("95% CI [0.09583, 0.1175], sign-flip p = 0.015625 (1 of 64 sign patterns), 6 seeds"))
  }

  @Test func noTaskIsBasicScienceAtTierTwo() {
    var claim = F.tierFour
    claim.task = nil
    let j = F.judge(claim, F.run(F.strong))
    #expect(j.tier == 2 && j.says("no task declared"))
  }

  @Test func taskWithoutBaselineStaysAtTierThree() {
    let claim = Claim(
      id: "t", says: "x", metric: "m", expect: .greaterThan(0.8), task: "probing",
      setting: .realistic, heldOut: true)
    let j = F.judge(claim, F.run(F.strong))
    #expect(j.tier == 3 && j.says("held at tier 3: no baseline given"))
  }

  @Test func toySettingStaysAtTierThree() {
    var claim = F.tierFour
    claim.setting = .toy
    let j = F.judge(claim, F.run(F.strong))
    #expect(j.tier == 3 && j.says("held at tier 3: setting is toy, not declared realistic"))
    #expect(!j.says("setting declared realistic"))
  }

  @Test func undeclaredHeldOutStaysAtTierThree() {
    var claim = F.tierFour
    claim.heldOut = false
    let j = F.judge(claim, F.run(F.strong))
    #expect(j.tier == 3 && j.says("held at tier 3: held_out not declared"))
  }

  @Test func overlappingSplitsAreNotVerified() {
    let overlap: [String: [Int]] = ["selection": [1, 2, 3, 4], "evaluation": [4, 5, 6]]
    let j = F.judge(F.tierFour, F.run(F.strong, splits: [3: overlap]))
    #expect(j.tier == 3)
    #expect(j.says("held at tier 3: held_out declared but not verified: in seed 3 'selection' and 'evaluation' share 1 id (e.g. 4)"))
    // Just inside: the same splits without the shared id verify.
    let disjoint: [String: [Int]] = ["selection": [1, 2, 3], "evaluation": [4, 5, 6]]
    #expect(F.judge(F.tierFour, F.run(F.strong, splits: [3: disjoint])).tier == 4)
  }

  @Test func aSeedWithoutTheEvaluationSplitIsNotVerified() {
    let j = F.judge(F.tierFour, F.run(F.strong, splits: [0: ["selection": [1, 2]]]))
    #expect(j.tier == 3 && j.says("seed 0 recorded no 'evaluation' split"))
  }

  @Test func unrecordedRunStaysAtTierThree() {
    let j = F.judge(F.tierFour, F.run(F.strong, recorded: false))
    #expect(j.tier == 3 && j.says("held at tier 3: the run is not recorded in the ledger (--no-commit)"))
  }

  @Test func earlierRunsWithTheSameVerdictPassTheLedgerCheck() {
    let j = F.judge(F.tierFour, F.run(F.strong, earlier: [.supported, .supported]))
    #expect(j.tier == 4)
    #expect(j.says("all 2 earlier recorded runs of this claim with these parameters were also supported"))
  }

  @Test func oneEarlierRunWithTheSameVerdictIsReportedInTheSingular() {
    let j = F.judge(F.tierFour, F.run(F.strong, earlier: [.supported]))
    #expect(j.tier == 4)
    #expect(j.says("the 1 earlier recorded run of this claim with these parameters was also supported"))
  }

  @Test func anEarlierDifferentVerdictIsUnstableAndHeldAtThree() {
    let j = F.judge(F.tierFour, F.run(F.strong, earlier: [.supported, .inconclusive]))
    #expect(j.tier == 3 && j.verdict == .supported)
    #expect(j.says("held at tier 3: unstable: 2 of 3 recorded runs supported"))
  }

  @Test func instabilityIsReportedBelowTierThreeWithoutChangingTheTier() {
    var claim = F.tierFour
    claim.task = nil
    let j = F.judge(claim, F.run(F.strong, earlier: [.refuted]))
    #expect(j.tier == 2 && j.says("unstable: 1 of 2 recorded runs supported"))
  }

  // Capability: scipy ttest_1samp(c, 0).confidence_interval() for
  // c = [-0.01, 0.005, -0.02, 0.0, -0.005, -0.01] = (-0.015855473033206623, 0.0025221396998732883).
  static let capability: [Double?] = [-0.01, 0.005, -0.02, 0.0, -0.005, -0.01]

  func safetyClaim(tolerance: Double, capability: String? = "c") -> Claim {
    var claim = F.tierFour
    claim.safety = true
    claim.capability = capability
    claim.capabilityTolerance = tolerance
    return claim
  }

  var safetyRun: RunEvidence {
    var columns = F.strong
    columns["c"] = Self.capability
    return F.run(columns)
  }

  @Test func safetyWithCapabilityWithinToleranceReachesTierFive() {
    let j = F.judge(safetyClaim(tolerance: 0.003), safetyRun)
    #expect(j.tier == 5)
    #expect(j.says("upper bound 0.002522 <= capability_tolerance 0.003"))
    #expect(j.says("necessary conditions met; a person certifies"))
  }

  @Test func capabilityGainAboveToleranceStaysAtTierFour() {
    let j = F.judge(safetyClaim(tolerance: 0.0025), safetyRun)
    #expect(j.tier == 4)
    #expect(j.says("held at tier 4: safety declared, but capability 'c'"))
    #expect(j.says("upper bound 0.002522 > capability_tolerance 0.0025"))
  }

  @Test func safetyWithoutCapabilityStaysAtTierFour() {
    let j = F.judge(safetyClaim(tolerance: 0.1, capability: nil), safetyRun)
    #expect(j.tier == 4 && j.says("no capability metric"))
  }

  @Test func capabilityWithoutSafetyIsNotTierFive() {
    var claim = safetyClaim(tolerance: 0.1)
    claim.safety = false
    #expect(F.judge(claim, safetyRun).tier == 4)
  }

  @Test func safetyBelowTierFourIsNotPromoted() {
    var claim = safetyClaim(tolerance: 0.1)
    claim.setting = .toy
    #expect(F.judge(claim, safetyRun).tier == 3)
  }

  @Test func preRegistrationIsQuotedWithItsLimits() {
    let registration = RunEvidence.Registration(commit: String(repeating: "ab", count: 20), ref: "refs/rigor/x")
    let j = F.judge(F.tierFour, F.run(F.strong, registration: registration))
    #expect(j.reasons.last == "pre-registered: the claims were committed in abababababab on refs/rigor/x before the first seed ran; this proves the prediction was committed on this ref before the data, nothing more")
    #expect(!F.judge(F.tierFour, F.run(F.strong)).says("pre-registered"))
  }
}
