import Foundation
import Testing

@testable import RigorKit

/// Audits `markdown` as file "t.md".
private func flags(_ markdown: String) -> [ProseFlag] {
  ProseAuditor().audit(markdown: markdown, file: "t.md")
}

@Suite struct AuditCueTests {
  static let overclaims: [(sentence: String, cue: String)] = [
    ("We show that feature 512 encodes deception.", "show that"),
    ("This experiment demonstrates the mechanism.", "demonstrates"),
    ("Ablating head 1.4 proves the circuit is necessary.", "proves"),
    ("The SAE clearly recovers the true features.", "clearly"),
    ("Head 2.3 is the induction head.", "is the induction head"),
    ("Feature 1234 is the deception feature.", "is the deception feature"),
    ("Head 0.7 is an induction head.", "is an induction head"),
    ("This neuron causes the refusal behaviour.", "causes"),
    ("Layer 5 is responsible for the copying behaviour.", "responsible for"),
    ("The residual direction drives sentiment.", "drives"),
    ("Head 0.1 implements previous-token attention.", "implements"),
    ("This is the circuit for indirect object identification.", "the circuit for"),
    ("The learned features are monosemantic.", "monosemantic"),
    ("Our attribution graph is faithful to the model.", "faithful"),
    ("The probe direction determines the output label.", "determines"),
    ("These results conclusively settle the question.", "conclusively"),
    ("Patching confirmed the mechanism.", "confirmed"),
    ("We were able to confirm that the head copies names.", "confirm"),
    ("The model's behaviour is driven by a single feature.", "driven by"),
    ("Earlier work has shown that SAEs recover ground truth.", "shown that"),
    ("This latent encodes the subject's gender.", "encodes"),
    ("Refusal is encoded in a single direction.", "encoded in"),
    ("Our analysis revealed a hidden circuit.", "revealed"),
  ]

  @Test(arguments: overclaims)
  func assertiveSentencesAreFlaggedWithTheirCue(_ example: (sentence: String, cue: String)) {
    let result = flags(example.sentence)
    #expect(result.count == 1, "\(example.sentence)")
    #expect(result.first?.cue == example.cue)
    #expect(result.first?.text == example.sentence)
    #expect(result.first?.line == 1)
  }

  static let hedged = [
    "We show that feature 512 may encode deception.",
    "This suggests that head 2.3 is the induction head.",
    "The results are consistent with layer 5 being responsible for copying.",
    "Head 0.1 appears to implement previous-token attention.",
    "We hypothesize that this neuron causes refusal.",
    "The features are likely monosemantic.",
    "Patching might confirm the mechanism.",
    "The direction seems to drive sentiment.",
    "Possibly, the probe direction determines the label.",
    "Ablations could reveal a hidden circuit.",
  ]

  @Test(arguments: hedged)
  func hedgedTwinsAreNotFlagged(_ sentence: String) {
    #expect(flags(sentence).isEmpty, "\(sentence)")
  }

  static let anchored = [
    "Ablating head 1.4 drops accuracy by 0.31 ± 0.04, which demonstrates the mechanism.",
    "The probe clearly separates the classes (AUROC 0.93, 95% CI [0.90, 0.95]).",
    "Patching confirms the circuit (n = 10 seeds).",
    "As Figure 2 shows, the features are monosemantic.",
    "The effect is significant (p = 0.003) and conclusively settles the question.",
    "Table 1 demonstrates the gap.",
    "Fig. 3 clearly shows the induction stripe.",
    "The loss gap is 0.12 +/- 0.02, so the SAE clearly wins.",
  ]

  @Test(arguments: anchored)
  func anchoredTwinsAreNotFlagged(_ sentence: String) {
    #expect(flags(sentence).isEmpty, "\(sentence)")
  }

  static let negated = [
    "Our data does not show that head 2.3 copies names.",
    "We did not establish causality.",
    "This neuron doesn't cause refusal.",
    "Head 2.3 is not the induction head.",
    "We cannot prove the circuit is complete.",
    "Nothing here is responsible for, nor drives, refusal; no ablation confirmed it.",
    "We found no evidence that this feature causes refusal.",
  ]

  @Test(arguments: negated)
  func negatedCuesAreNotFlagged(_ sentence: String) {
    #expect(flags(sentence).isEmpty, "\(sentence)")
  }

  static let ordinary = [
    "To confirm this, we ablate head 2.3 and measure the logit difference.",
    "We implemented the SAE in Swift.",
    "We use a sinusoidal positional encoding.",
    "Data-driven methods help.",
    "To determine whether the head matters, we patch it.",
    "A root cause is unknown.",
    "Sparsity is a key feature of these dictionaries.",
    "The SAE feature dashboard lists the top activations.",
    "This is the same feature we saw before.",
    "Figure 2 shows the loss.",
    "We test whether head 2.3 drives refusal.",
    "Does head 2.3 implement induction?",
  ]

  @Test(arguments: ordinary)
  func methodologicalAndOrdinaryProseIsNotFlagged(_ sentence: String) {
    #expect(flags(sentence).isEmpty, "\(sentence)")
  }

  @Test func laterCueIsFoundAfterANegatedOne() {
    let result = flags("We do not show that it generalizes, but head 2.3 clearly copies names.")
    #expect(result.map(\.cue) == ["clearly"])
  }

  @Test func oneFlagPerSentenceAtItsFirstCue() {
    let result = flags("We show that the head clearly implements copying.")
    #expect(result.map(\.cue) == ["show that"])
  }
}

@Suite struct AuditClaimLinkTests {
  static let notebook = """
    # Results

    We show that [SAE errors flag anomalies](#sae-beats-mahalanobis).

    We show that [it works](#results).

    We show that [it works](https://example.com).

    Head 2.3 is the induction head, as [measured](#induction-head).

    ```claim
    id: sae-beats-mahalanobis
    says: SAE reconstruction error flags off-distribution inputs.
    metric: sae_auroc
    ```

    ```claim
    id: "induction-head"   # quoted, with a comment
    says: Head 2.3 attends to the token after the previous occurrence.
    ```
    """

  @Test func onlyLinksToClaimsOfTheSameFileExcuseASentence() {
    let result = flags(Self.notebook)
    #expect(result.map(\.line) == [5, 7])
    #expect(result.map(\.text) == ["We show that it works.", "We show that it works."])
  }

  @Test func claimIDsAreReadFromClaimBlocksOnly() {
    let source = ProseSource(Self.notebook + "\n```yaml\nid: not-a-claim\n```\n")
    #expect(ProseDocument(source).claimIDs == ["sae-beats-mahalanobis", "induction-head"])
  }
}

@Suite struct AuditProseOnlyTests {
  @Test func codeHTMLAndFrontMatterAreNotProse() {
    let markdown = """
      ---
      title: We show that SAEs work
      note: Head 2.3 is the induction head.
      ---
      Plain prose here.

      ```swift
      // We show that this clearly encodes everything.
      ```

          indented code clearly proves things

      <div>This clearly proves things.</div>

      The call `f.encodes(x)` returns a value. ![clearly the best](x.png) is a picture.
      """
    #expect(flags(markdown).isEmpty)
  }

  @Test func frontMatterKeepsLineNumbers() {
    let result = flags("---\ntitle: t\n---\n\nIt clearly works.\n")
    #expect(result.map(\.line) == [5])
  }

  @Test func unclosedFrontMatterIsTreatedAsProse() {
    let result = flags("---\nThis clearly works.\n")
    #expect(result.map(\.line) == [2])
  }

  @Test func headingsAndBlockQuotesAreAudited() {
    let result = flags(
      "## Head 2.3 is the induction head\n\n> quoted\n> head 2.3 is the induction head.\n")
    #expect(result.map(\.line) == [1, 4])
    #expect(result.map(\.column) == [13, 12])
  }
}

@Suite struct AuditPositionTests {
  @Test func cueLineIsExactInAMultiLineParagraph() {
    let markdown = """
      Line one is plain.
      The second sentence spans two lines and then
      clearly overclaims here. A third
      sentence demonstrates
      more.
      """
    let result = flags(markdown)
    #expect(result.map(\.line) == [3, 4])
    #expect(result.map(\.column) == [1, 10])
    #expect(
      result.first?.text == "The second sentence spans two lines and then clearly overclaims here.")
  }

  @Test func listItemsKeepTheirLinesAndColumns() {
    let markdown = """
      Intro.

      - plain item
      - another item that
        demonstrates a lot
        1. nested item that clearly works
      """
    let result = flags(markdown)
    #expect(result.map(\.line) == [5, 6])
    #expect(result.map(\.column) == [3, 23])
  }

  @Test func columnsSurviveInlineMarkupEntitiesAndUnicode() {
    #expect(flags("Use `x` and *we show that* it works.").first?.column == 17)
    #expect(flags("Tom &amp; Jerry clearly win.").first?.column == 17)
    #expect(flags("Über-features clearly win.").first?.column == 15)
    #expect(flags("A \\*starred\\* result clearly wins.").first?.column == 22)
  }

  @Test func crlfLineEndingsCountLines() {
    #expect(flags("Plain.\r\n\r\nIt clearly works.\r\n").map(\.line) == [3])
  }
}

@Suite struct AuditSentenceSplitterTests {
  private func sentences(_ text: String) -> [String] {
    let document = ProseDocument(ProseSource(text))
    let splitter = ProseSentenceSplitter(abbreviations: ProseLexicon.standard.abbreviations)
    return document.blocks.flatMap { block in splitter.sentences(in: block).map { block.text($0) } }
  }

  @Test func abbreviationsDecimalsAndInitialsDoNotSplit() {
    let text = """
      Results hold, e.g. For SAEs, i.e. Sparse ones. Fig. 3 shows x. Values were 0.95 on avg. Next
      one by J. Smith et al. Was it? Yes! "Quoted." (Bracketed.) Done
      """
    #expect(
      sentences(text) == [
        "Results hold, e.g. For SAEs, i.e. Sparse ones.", "Fig. 3 shows x.",
        "Values were 0.95 on avg.",
        // docs/JUDGING.md: a boundary needs a capital letter next (or a line end), so a quote or a
        // bracket after "Yes!" continues the sentence.
        "Next one by J. Smith et al. Was it?", "Yes! \"Quoted.\" (Bracketed.)", "Done",
      ])
  }

  @Test func lowerCaseContinuationDoesNotSplit() {
    #expect(
      sentences("We used SAEs etc. and probes. Then stopped.") == [
        "We used SAEs etc. and probes.", "Then stopped.",
      ])
  }

  @Test func inlineCodeNeverEndsASentence() {
    #expect(sentences("Call `a. B` now. Then stop.") == ["Call a. B now.", "Then stop."])
  }
}

@Suite struct AuditFlagEncodingTests {
  @Test func flagsEncodeWithTheCLIKeys() throws {
    let flag = try #require(flags("It clearly works.").first)
    let data = try JSONEncoder().encode(flag)
    let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    #expect(Set(object.keys) == ["file", "line", "column", "cue", "text", "kind", "reasons"])
    #expect(object["file"] as? String == "t.md")
    #expect(object["cue"] as? String == "clearly")
    #expect(flag.description.hasPrefix("t.md:1:4: warning: "))
  }

  @Test func everyEvidencePatternFindsItsAnchor() {
    let e = ProseEvidence()
    #expect(e.anchors(in: "0.81 ± 0.03") == [.plusMinus(ProseEvidence.Number(value: 0.81, decimals: 2, text: "0.81"))])
    #expect(e.anchors(in: "mean 0.8, 95% CI [0.79, 0.83]").count == 1)
    #expect(e.anchors(in: "a gain (CI 0.2-0.4)").count == 1)
    #expect(e.anchors(in: "n = 10") == [.count(10, text: "n = 10")])
    #expect(e.anchors(in: "p < .01").count == 1)
    #expect(e.anchors(in: "see Figure 2") == [.reference])
    #expect(e.anchors(in: "no numbers here").isEmpty)
    #expect(ProseEvidence.parse("85%") == ProseEvidence.Number(value: 0.85, decimals: 2, text: "85%"))
  }

  @Test func unreadableFilesThrowWithThePath() {
    let url = URL(fileURLWithPath: "/nonexistent/rigor/file.md")
    #expect(throws: ProseAuditError.self) { try ProseAuditor().audit(fileAt: url, file: "file.md") }
  }
}
