import Testing

@testable import RigorKit

@Suite struct ClaimParseTests {
  /// Parses `yaml` as if its first line were line 10 of Notebooks/x.md.
  func diagnostics(_ yaml: String, columnOffset: Int = 0) -> [Diagnostic] {
    Claim.parseBlock(yaml: yaml, file: "Notebooks/x.md", firstLine: 10, columnOffset: columnOffset)
      .diagnostics
  }

  func only(_ yaml: String) -> Diagnostic? {
    let found = diagnostics(yaml)
    #expect(found.count == 1, "\(found)")
    return found.first
  }

  @Test func parsesEveryFieldOfTheSchema() throws {
    let yaml = """
      id: sae-beats-mahalanobis          # a comment
      says: SAE reconstruction error flags off-distribution inputs better than Mahalanobis distance.
      metric: sae_auroc
      expect: ">= 0.8"
      control: random_dir_auroc
      task: anomaly detection
      baseline: mahalanobis_auroc
      better: lower
      margin: 0.01
      competitive: true
      setting: realistic
      held_out: true
      safety: true
      capability: capability_gain
      capability_tolerance: 0.0
      """
    let claim = try Claim.parse(yaml: yaml, file: "n.md", firstLine: 3)
    #expect(claim.id == "sae-beats-mahalanobis")
    #expect(claim.says.hasPrefix("SAE reconstruction error"))
    #expect(claim.metric == "sae_auroc")
    #expect(claim.expect == .atLeast(0.8))
    #expect(claim.control == "random_dir_auroc")
    #expect(claim.task == "anomaly detection")
    #expect(claim.baseline == "mahalanobis_auroc")
    #expect(claim.better == .lower)
    #expect(claim.margin == 0.01)
    #expect(claim.competitive)
    #expect(claim.setting == .realistic)
    #expect(claim.heldOut)
    #expect(claim.safety)
    #expect(claim.capability == "capability_gain")
    #expect(claim.capabilityTolerance == 0)
  }

  @Test func onlyIdAndSaysAreRequiredAndDefaultsApply() throws {
    let claim = try Claim.parse(yaml: "id: a-1\nsays: Words only.\n", file: "n.md", firstLine: 1)
    #expect(claim == Claim(id: "a-1", says: "Words only."))
    #expect(claim.better == .higher && claim.margin == 0 && !claim.competitive)
    #expect(claim.setting == .toy && !claim.heldOut && !claim.safety)
  }

  @Test func unquotedLessThanAndFoldedSaysAreValidYaml() throws {
    let yaml = "id: a\nsays: >\n  A long claim\n  over two lines.\nmetric: m\nexpect: < 0.5\n"
    let claim = try Claim.parse(yaml: yaml, file: "n.md", firstLine: 1)
    #expect(claim.expect == .lessThan(0.5))
    #expect(claim.says == "A long claim over two lines.")
  }

  @Test func controlOrBaselineNamingTheMetricItselfIsInvalid() {
    let d = only("id: a\nsays: x\nmetric: m\nbaseline: m\n")
    #expect(d?.location.line == 13)
    #expect(d?.message.contains("names the claim's own metric 'm'") == true)
  }

  @Test func metricNamesMustBeRecordable() {
    let d = only("id: a\nsays: x\nmetric: sae auroc\n")
    #expect(d?.message.contains("[A-Za-z0-9_.-]+") == true)
  }

  @Test func reportsTheIdLocationForDuplicateChecks() {
    let result = Claim.parseBlock(yaml: "says: x\nid: abc\n", file: "n.md", firstLine: 20)
    #expect(result.idLocation == SourceLocation(file: "n.md", line: 21, column: 5))
  }

  @Test func badYamlPointsAtTheNotebookLine() {
    let d = only("id: a\nsays: [unclosed\nmetric: m\n")
    #expect(d?.location.file == "Notebooks/x.md")
    #expect((d?.location.line ?? 0) >= 11)
    #expect(d?.message.hasPrefix("invalid YAML in claim") == true)
  }

  @Test func unquotedExpectationGetsAQuotingHint() {
    let d = only("id: a\nsays: x\nmetric: m\nexpect: >= 0.8\n")
    #expect(d?.location.line == 13)
    #expect(d?.message.contains("quote the expectation: expect: \">= 0.8\"") == true)
  }

  @Test func unknownFieldPointsAtItsKeyAndSuggests() {
    let d = only("id: a\nsays: x\n  \nheldout: true\n")
    #expect(d?.location == SourceLocation(file: "Notebooks/x.md", line: 13, column: 1))
    #expect(d?.message == "unknown claim field 'heldout'; did you mean 'held_out'?")
    let far = only("id: a\nsays: x\nweather: sunny\n")
    #expect(far?.message.contains("known fields: id, says") == true)
  }

  @Test func missingIdAndSaysPointAtTheBlockStart() {
    let found = diagnostics("metric: m\n")
    #expect(found.count == 2)
    #expect(found.allSatisfy { $0.location.line == 10 && $0.location.column == 1 })
    #expect(found.contains { $0.message.contains("no 'id'") })
    #expect(found.contains { $0.message.contains("no 'says'") })
  }

  @Test(arguments: ["Sae-Claim", "a_b", "a b", "ü", "\"\""])
  func idsOutsideTheAlphabetAreRejected(id: String) {
    let d = only("id: \(id)\nsays: x\n")
    #expect(d?.location.line == 10)
    #expect(d?.location.column == 5)
  }

  @Test func idsInsideTheAlphabetAreAccepted() {
    #expect(diagnostics("id: 0-sae-2\nsays: x\n").isEmpty)
  }

  @Test(arguments: [
    ("0.8", "is not an expectation"), (">", "a number is missing"), ("> x", "'x' is not a number"),
    ("=> 1", "is not an expectation"), ("in [0.5, 0.2]", "is empty"), ("in [1]", "two numbers"),
    ("in 0.2, 0.4", "in [a, b]"), (">= nan", "not a number"), ("> inf", "not a number"),
  ])
  func malformedExpectationsAreReportedAtTheirValue(text: String, phrase: String) {
    let d = only("id: a\nsays: x\nmetric: m\nexpect: \"\(text)\"\n")
    #expect(d?.location.line == 13)
    #expect((d?.location.column ?? 0) >= 9)
    #expect(d?.message.contains(phrase) == true, "\(d?.message ?? "")")
  }

  @Test func expectationErrorColumnPointsInsideTheQuotedText() {
    // In `expect: "> x"` the quote is column 9 and the x column 12.
    let d = only("id: a\nsays: x\nmetric: m\nexpect: \"> x\"\n")
    #expect(d?.location.column == 12)
  }

  @Test func wrongTypesAreReported() {
    let found = diagnostics("""
      id: a
      says: x
      metric: [a, b]
      margin: "0.01"
      competitive: yes
      capability: cap
      capability_tolerance: .inf
      held_out: 1
      """)
    #expect(found.map(\.location.line) == [12, 13, 14, 16, 17])
    #expect(found[0].message == "'metric' must be a metric name, not a list")
    #expect(found[1].message.contains("must be a number"))
    #expect(found[2].message == "'competitive' must be true or false, got 'yes'")
    #expect(found[3].message.contains("must be a number"))
    #expect(found[4].message.contains("true or false"))
  }

  @Test func badEnumValuesAreReported() {
    let found = diagnostics("id: a\nsays: x\nbetter: up\nsetting: real\n")
    #expect(found.map(\.message) == [
      "'better' must be higher or lower, got 'up'", "'setting' must be toy or realistic, got 'real'",
    ])
  }

  @Test func competitiveWithoutPositiveMarginIsInvalid() {
    let zero = only("id: a\nsays: x\nmetric: m\nbaseline: b\ncompetitive: true\n")
    #expect(zero?.location == SourceLocation(file: "Notebooks/x.md", line: 14, column: 14))
    #expect(zero?.message.contains("needs margin > 0") == true)
    #expect(diagnostics("id: a\nsays: x\nmetric: m\nbaseline: b\ncompetitive: true\nmargin: 0.001\n").isEmpty)
  }

  @Test func negativeMarginAndPredictionsWithoutMetricAreInvalid() {
    let found = diagnostics("id: a\nsays: x\nexpect: \"> 1\"\nmargin: -0.1\n")
    #expect(found.map(\.location.line) == [12, 13])
    #expect(found[0].message == "'expect' needs a 'metric' to be about")
    #expect(found[1].message == "margin must be a number >= 0")
  }

  @Test func duplicateFieldIsReportedAtTheRepeat() {
    let d = only("id: a\nsays: x\nmetric: m\nmetric: n\n")
    #expect(d?.location.line == 13)
    #expect(d?.message == "claim field 'metric' is given more than once")
  }

  @Test func allProblemsOfOneBlockAreCollectedInLineOrder() {
    let found = diagnostics("id: Bad\nsays: x\nbogus: 1\nbetter: sideways\nmetric: m\nexpect: \"about 3\"\n")
    #expect(found.map(\.location.line) == [10, 12, 13, 15])
  }

  @Test func columnOffsetShiftsEveryColumn() {
    let d = diagnostics("id: a\nsays: x\nbogus: 1\n", columnOffset: 2).first
    #expect(d?.location.column == 3)
  }

  @Test func nonMappingAndEmptyBlocksAreRejected() {
    #expect(only("- a\n- b\n")?.message.contains("not a list") == true)
    #expect(only("")?.message.contains("empty claim block") == true)
  }

  @Test func throwingParseCarriesEveryDiagnostic() {
    #expect(throws: ClaimSchemaError.self) {
      try Claim.parse(yaml: "id: A\n", file: "n.md", firstLine: 1)
    }
    do {
      _ = try Claim.parse(yaml: "id: A\n", file: "n.md", firstLine: 4)
    } catch let error as ClaimSchemaError {
      #expect(error.diagnostics.count == 2)
      #expect(error.description.contains("n.md:4:5: error: claim id 'A' must match [a-z0-9-]+"))
    } catch {
      Issue.record("unexpected error \(error)")
    }
  }

  @Test func duplicateIdsAcrossClaimsPointAtTheRepeat() {
    let a = SourceLocation(file: "n.md", line: 3, column: 5)
    let b = SourceLocation(file: "n.md", line: 9, column: 5)
    let c = SourceLocation(file: "n.md", line: 15, column: 5)
    let found = Claim.checkUniqueIDs([
      (Claim(id: "x", says: "1"), a), (Claim(id: "y", says: "2"), b), (Claim(id: "x", says: "3"), c),
    ])
    #expect(found.count == 1)
    #expect(found.first?.location == c)
    #expect(found.first?.message.contains("first defined at n.md:3:5") == true)
    #expect(Claim.checkUniqueIDs([(Claim(id: "x", says: "1"), a), (Claim(id: "y", says: "1"), b)]).isEmpty)
  }
}
