import Testing

@testable import RigorKit

/// `when` and `margin` rules at the claim's own line (docs/JUDGING.md; exit 3 through validation).
@Suite struct ClaimWhenAndMarginTests {
  func validate(_ text: String) -> NotebookValidation {
    NotebookValidation.validate(
      NotebookParser().parse(text: text, path: "Notebooks/w.md"), overrides: ParameterOverrides())
  }

  static let notebook = """
    ---
    params:
      sparsity: 0.9
      features: 20
    ---

    ```claim
    id: c
    says: x
    metric: m
    expect: "> 1"
    WHEN
    ```
    """

  func errors(_ when: String) -> [Diagnostic] {
    validate(Self.notebook.replacingOccurrences(of: "WHEN", with: when)).diagnostics.filter { $0.severity == .error }
  }

  @Test func whenWithDeclaredNamesAndTypesIsValid() throws {
    let valid = validate(Self.notebook.replacingOccurrences(of: "WHEN", with: "when: {sparsity: 1, features: 40}"))
    let claim = try #require(valid.notebook?.claims.first)
    // An integer for a Double parameter is stored as a Double.
    #expect(claim.when == ["sparsity": .double(1), "features": .int(40)])
  }

  @Test func whenNamingAnUnknownParameterIsInvalidAtItsName() {
    let found = errors("when: {sparsty: 0.99}")
    #expect(found.count == 1)
    #expect(found.first?.location == SourceLocation(file: "Notebooks/w.md", line: 12, column: 8))
    #expect(found.first?.message.contains("'when' names parameter 'sparsty', which the front matter does not declare (params: features, sparsity)") == true)
  }

  @Test func whenWithAValueOfTheWrongTypeIsInvalid() {
    let found = errors("when: {features: 0.5}")
    #expect(found.count == 1)
    #expect(found.first?.message.contains("gives 'features' the value 0.5 (Double), but parameter 'features' is a Int") == true)
    #expect(errors("when: {sparsity: \"high\"}").count == 1)
    #expect(errors("when: [sparsity]").first?.message.contains("'when' must map parameter names to values") == true)
  }

  @Test func marginWithoutABaselineIsInvalidAtTheMargin() {
    let found = errors("control: m2\nmargin: 0.05")
    #expect(found.count == 1)
    #expect(found.first?.location.line == 13)
    #expect(found.first?.message == "margin applies to a baseline; a control is judged with margin 0")
    // Even a margin of 0 written out: the author thought it applied.
    #expect(errors("margin: 0").count == 1)
    #expect(errors("baseline: b\nmargin: 0.05").isEmpty)
  }

  @Test func whenIsPartOfTheDefinitionButSaysIsNot() {
    let a = Claim(id: "a", says: "x", metric: "m", expect: .greaterThan(1))
    var b = a
    b.says = "reworded"
    b.task = "a task"
    b.setting = .realistic
    #expect(a.definitionHash == b.definitionHash)
    #expect(a.canonicalHash != b.canonicalHash)
    var c = a
    c.when = ["sparsity": .double(0.99)]
    #expect(a.definitionHash != c.definitionHash)
    #expect(c.definitionForm.contains(#""when":{"sparsity":0.99}"#))
  }
}
