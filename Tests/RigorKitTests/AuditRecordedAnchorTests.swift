import Testing

@testable import RigorKit

/// docs/JUDGING.md's prose audit against a recorded result: links count only to supported claims at
/// tier 2 or more, numbers only when they match what was recorded; every flag says why.
@Suite struct AuditRecordedAnchorTests {
  /// accuracy 0.80-0.84 (mean 0.82; scipy t interval (0.8003675683852245, 0.8396324316147756)),
  /// claim `accurate` supported at tier 2 with N = 5 and sign-flip p = 1/32, claim
  /// `positive-effect` inconclusive at tier 1.
  static let context = ProseAuditContext(
    claims: [
      "accurate": .init(verdict: .supported, tier: 2, n: 5, pValues: [0.03125]),
      "positive-effect": .init(verdict: .inconclusive, tier: 1, n: 5, pValues: []),
      "refuted-one": .init(verdict: .refuted, tier: nil, n: 5, pValues: []),
    ],
    metrics: ["accuracy": .init(mean: 0.82, low: 0.8003675683852245, high: 0.8396324316147756)],
    source: "this run")

  static let claims = """
    ```claim
    id: accurate
    says: x
    ```

    ```claim
    id: positive-effect
    says: y
    ```

    ```claim
    id: refuted-one
    says: z
    ```

    """

  func flags(_ prose: String, context: ProseAuditContext? = context) -> [ProseFlag] {
    ProseAuditor().audit(markdown: Self.claims + prose, file: "p.md", context: context)
  }

  @Test func aLinkToASupportedClaimAtTierTwoCounts() {
    #expect(flags("The probe [clearly separates the classes](#accurate).").isEmpty)
  }

  @Test func aLinkToAnInconclusiveClaimIsFlaggedWithItsVerdictAndTier() {
    let found = flags("The intervention clearly [drives the effect](#positive-effect).")
    #expect(found.count == 1)
    #expect(found.first?.reasons == ["links to claim positive-effect, which is inconclusive at tier 1"])
    #expect(flags("It clearly [works](#refuted-one).").first?.reasons == ["links to claim refuted-one, which is refuted (no tier)"])
  }

  @Test func plusMinusMustMatchARecordedMeanAtThePrecisionWritten() {
    #expect(flags("The probe clearly works: 0.82 ± 0.02.").isEmpty)
    #expect(flags("The probe clearly works: 82% ± 2%.").isEmpty)
    // Edge: 0.8 at one decimal covers 0.75-0.85, so it matches 0.82; 0.83 at two does not.
    #expect(flags("The probe clearly works: 0.8 ± 0.1.").isEmpty)
    let found = flags("The probe clearly works: 0.83 ± 0.02.")
    #expect(found.first?.reasons == ["0.83 ± ...: 0.83 matches no recorded metric's mean at 2 decimals"])
  }

  @Test func aConfidenceIntervalMustMatchTheRecordedMeanAndBounds() {
    #expect(flags("Accuracy clearly stays high, 95% CI [0.80, 0.84].").isEmpty)
    let bounds = flags("Accuracy clearly stays high, 95% CI [0.81, 0.83].")
    #expect(bounds.first?.reasons == ["[0.81, 0.83]: the midpoint matches 'accuracy''s mean, but the bounds do not match its recorded 95% CI [0.8004, 0.8396]"])
    let nothing = flags("The gain is undeniably real, 95% CI [0.60, 0.70].")
    #expect(nothing.first?.reasons == ["[0.60, 0.70]: its midpoint 0.65 matches no recorded metric's mean at 2 decimals"])
    #expect(flags("The confidence interval clearly excludes chance.").first?.reasons == ["a confidence interval is mentioned, but no interval is written to check"])
  }

  @Test func nMustBeAClaimsNAndPAClaimsSignFlipP() {
    #expect(flags("This demonstrates a stable accuracy (n = 5).").isEmpty)
    #expect(flags("The effect is without doubt robust (n = 12).").first?.reasons == ["n = 12: no claim has N = 12 (claims' N: 5)"])
    #expect(flags("The result confirms that the probe beats chance (p = 0.03125).").isEmpty)
    #expect(flags("It is clear that the probe beats chance (p = 0.001).").first?.reasons == ["p = 0.001: matches no claim's sign-flip p"])
    #expect(flags("The result confirms that the probe beats chance (p < 0.05).").isEmpty)
  }

  @Test func withoutARecordedResultAnchorsCountAsWritten() {
    #expect(flags("The probe clearly works: 0.91 ± 0.02.", context: nil).isEmpty)
    #expect(flags("The intervention clearly [drives the effect](#positive-effect).", context: nil).isEmpty)
  }

  @Test func theAddedCuesAreFlagged() {
    for sentence in [
      "The probe obviously works.", "It is clear that the probe works.", "The effect is undeniably real.",
      "The effect is without doubt real.", "The method solves superposition.",
      "The circuit fully explains the behaviour.", "The method guarantees safety.",
      "Head 3 is the mechanism behind copying.",
    ] {
      #expect(flags(sentence).count == 1, "\(sentence)")
    }
  }

  @Test func aSentenceEndsOnlyBeforeACapitalOrAtALineEnd() {
    // "0.9. (see below)" does not end the sentence, so the hedge in the same sentence counts.
    #expect(flags("The probe clearly works at 0.9. (this may change).").isEmpty)
    // A period at a line end ends it, even before a lower-case word on the next line.
    #expect(flags("This may matter.\nthe probe clearly works.").count == 1)
    // Abbreviations never end one.
    #expect(flags("This may hold, e.g. The probe clearly works.").isEmpty)
  }
}
