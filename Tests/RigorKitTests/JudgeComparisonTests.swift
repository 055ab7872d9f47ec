import Testing

@testable import RigorKit

/// Superiority, non-inferiority and the control, at the edges of each rule.
@Suite struct JudgeComparisonTests {
  typealias F = JudgeFixture

  // Data set A, N = 5, all d > 0: d = m - b = [0.05, 0.04, 0.05, 0.02, 0.06].
  // scipy: ttest_1samp(d, 0).confidence_interval() = (0.025169233116515612, 0.06283076688348432);
  // permutation_test((d,), np.mean, permutation_type='samples', alternative='greater',
  // n_resamples=np.inf).pvalue = 0.03125 (1 of 32).
  static let a: [String: [Double?]] = [
    "m": [0.80, 0.82, 0.85, 0.79, 0.84], "b": [0.75, 0.78, 0.80, 0.77, 0.78],
  ]

  func claim(margin: Double = 0, competitive: Bool = false, better: Claim.Direction = .higher) -> Claim {
    Claim(id: "cmp", says: "x", metric: "m", baseline: "b", better: better, margin: margin, competitive: competitive)
  }

  @Test func superiorWhenLowerBoundClearsTheMarginWithSignificance() {
    let j = F.judge(claim(margin: 0.025), F.run(Self.a))
    #expect(j.verdict == .supported && j.tier == 2)
    #expect(j.says("baseline 'b': mean difference 0.044, 95% CI [0.02517, 0.06283], sign-flip p = 0.03125 (1 of 32 sign patterns), 5 seeds: holds"))
  }

  @Test func lowerBoundJustBelowTheMarginIsUndecided() {
    let j = F.judge(claim(margin: 0.0252), F.run(Self.a))
    #expect(j.verdict == .inconclusive && j.tier == 1)
    #expect(j.says("lower bound 0.02517 <= margin 0.0252"))
  }

  @Test func intervalTouchingTheMarginIsNotAbove() {
    // d = 0.125 exactly in every seed: a zero-width CI [0.125, 0.125]; p = 1/32.
    let metric: [Double?] = [0.75, 0.5, 0.625, 0.875, 0.25]
    let baseline = metric.map { $0.map { $0 - 0.125 } }
    let run = F.run(["m": metric, "b": baseline])
    let touching = F.judge(claim(margin: 0.125), run)
    #expect(touching.verdict == .inconclusive)
    #expect(touching.says("95% CI [0.125, 0.125]"))
    let below = F.judge(claim(margin: 0.124), run)
    #expect(below.verdict == .supported)
  }

  @Test func pJustAboveFivePercentIsUndecidedEvenWhenTheIntervalExcludesTheMargin() {
    // d = [0.5, 0.6, 0.55, 0.52, -0.01]: scipy CI (0.12165850923107824, 0.7423414907689219),
    // exact sign-flip p = 0.0625 (2 of 32: flipping the one negative d raises the mean).
    let run = F.run(["m": [1.5, 1.6, 1.55, 1.52, 0.99], "b": [1, 1, 1, 1, 1]])
    let j = F.judge(claim(margin: 0.1), run)
    #expect(j.verdict == .inconclusive)
    #expect(j.says("p = 0.0625 (2 of 32 sign patterns)"))
    #expect(j.says("p >= 0.05"))
    #expect(!j.says("lower bound 0.1217 <= margin"))
  }

  @Test func clearlyWorseBaselineRefutes() {
    // The same data read the other way: d = b - m, upper bound -0.02517 < 0.
    let swapped = Claim(id: "cmp", says: "x", metric: "b", baseline: "m")
    let j = F.judge(swapped, F.run(Self.a))
    #expect(j.verdict == .refuted && j.tier == nil)
    #expect(j.says("clearly worse: upper bound -0.02517 < 0"))
  }

  @Test func lowerIsBetterFlipsTheDifference() {
    let j = F.judge(Claim(id: "cmp", says: "x", metric: "b", baseline: "m", better: .lower), F.run(Self.a))
    #expect(j.verdict == .supported)
    #expect(j.says("since lower is better"))
    #expect(F.judge(claim(better: .lower), F.run(Self.a)).verdict == .refuted)
  }

  @Test func nonInferiorityWithinTheMargin() {
    // d = b - m for metric b: CI (-0.06283, -0.02517). Non-inferior when -margin < -0.06283.
    let competitive = { (margin: Double) in
      Claim(id: "cmp", says: "x", metric: "b", baseline: "m", margin: margin, competitive: true)
    }
    let holds = F.judge(competitive(0.063), F.run(Self.a))
    #expect(holds.verdict == .supported && holds.says("non-inferior: lower bound -0.06283 > -0.063, minus the margin 0.063"))
    // Just outside: -margin above the lower bound but below the upper bound: undecided.
    #expect(F.judge(competitive(0.0628), F.run(Self.a)).verdict == .inconclusive)
    // Clearly worse for non-inferiority: upper bound -0.02517 < -margin.
    let worse = F.judge(competitive(0.025), F.run(Self.a))
    #expect(worse.verdict == .refuted && worse.says("clearly worse: upper bound -0.02517 < -0.025, minus the margin 0.025"))
    #expect(F.judge(competitive(0.0252), F.run(Self.a)).verdict == .inconclusive)
  }

  @Test func controlMustBeBeatenAtMarginZero() {
    // The margin applies to the baseline only; against the control it is 0, and a margin
    // written without a baseline makes the claim invalid.
    let withMargin = Claim(id: "cmp", says: "x", metric: "m", control: "b", margin: 0.5)
    let invalid = F.judge(withMargin, F.run(Self.a))
    #expect(invalid.verdict == .unchecked && invalid.says("margin applies to a baseline; a control is judged with margin 0"))
    let claim = Claim(id: "cmp", says: "x", metric: "m", control: "b")
    let j = F.judge(claim, F.run(Self.a))
    #expect(j.verdict == .supported)
    #expect(j.says("control 'b'") && j.says("beats the control: lower bound 0.02517 > margin 0"))
    let reversed = Claim(id: "cmp", says: "x", metric: "b", control: "m")
    #expect(F.judge(reversed, F.run(Self.a)).verdict == .refuted)
  }

  @Test func controlWithNoDifferenceIsUndecided() {
    let same: [Double?] = [0.5, 0.6, 0.7, 0.8, 0.9]
    let j = F.judge(Claim(id: "cmp", says: "x", metric: "m", control: "c"), F.run(["m": same, "c": same]))
    #expect(j.verdict == .inconclusive)
    #expect(j.says("p = 1 (32 of 32 sign patterns)"))
  }

  @Test func moreThanTwentySeedsUseSeededRandomPatterns() {
    let n = 24
    let metric = (0..<n).map { Optional(0.6 + 0.01 * Double($0 % 5)) }
    let baseline = (0..<n).map { Optional(0.5 + 0.013 * Double($0 % 3)) }
    let run = F.run(["m": metric, "b": baseline])
    let j = F.judge(claim(), run)
    #expect(j.verdict == .supported)
    #expect(j.says("of 100000 random sign patterns"))
    #expect(F.judge(claim(), run) == j)
  }
}
