import Testing
@testable import RigorKit

/// Steps and claims follow CommonMark's fenced-code rules (cases after the CommonMark spec's
/// "Fenced code blocks" examples).
@Suite struct NotebookParserTests {
  func parse(_ text: String) -> NotebookParse {
    NotebookParser().parse(text: text, path: "Notebooks/t.md")
  }

  @Test func backtickFenceIsAStepWithItsContentLine() {
    let parse = parse("# T\n\n```swift\nlet x = 1\nprint(x)\n```\n")
    #expect(parse.notebook.steps == [NotebookStep(index: 1, line: 4, code: "let x = 1\nprint(x)\n")])
  }

  @Test func tildeFenceIsAStep() {
    let steps = parse("~~~swift\nlet a = 2\n~~~\n").notebook.steps
    #expect(steps.map(\.code) == ["let a = 2\n"])
    #expect(steps.map(\.line) == [2])
  }

  @Test func twoBackticksAreInlineCodeNotAFence() {
    #expect(parse("``swift\nlet a = 1\n``\n").notebook.steps.isEmpty)
  }

  @Test func closingFenceMustBeAtLeastAsLongAsOpening() {
    let steps = parse("````swift\nlet a = 1\n```\nlet b = 2\n````\n").notebook.steps
    #expect(steps.map(\.code) == ["let a = 1\n```\nlet b = 2\n"])
  }

  @Test func tildeFenceIsNotClosedByBackticks() {
    let steps = parse("~~~swift\nlet a = 1\n```\n~~~\n").notebook.steps
    #expect(steps.map(\.code) == ["let a = 1\n```\n"])
  }

  @Test func unclosedFenceRunsToTheEndOfTheDocument() {
    let steps = parse("text\n\n```swift\nlet a = 1\n\nlet b = 2\n").notebook.steps
    #expect(steps.map(\.code) == ["let a = 1\n\nlet b = 2\n"])
  }

  @Test func unclosedFenceInABlockQuoteEndsWithTheQuote() {
    let steps = parse("> ```swift\n> let a = 1\n\nafter\n").notebook.steps
    #expect(steps.map(\.code) == ["let a = 1\n"])
  }

  @Test func indentedFenceRemovesThatIndentationFromContent() {
    let steps = parse("  ```swift\n  let a = 1\n    let b = 2\n let c = 3\n  ```\n").notebook.steps
    #expect(steps.map(\.code) == ["let a = 1\n  let b = 2\nlet c = 3\n"])
  }

  @Test func fourSpacesOfIndentationMakeIndentedCodeNotAStep() {
    #expect(parse("    ```swift\n    let a = 1\n    ```\n").notebook.steps.isEmpty)
  }

  @Test func infoStringWithAttributesUsesItsFirstWord() {
    let steps = parse("```swift {.numberLines}\nlet a = 1\n```\n\n```   swift\nlet b = 2\n```\n").notebook.steps
    #expect(steps.map(\.code) == ["let a = 1\n", "let b = 2\n"])
  }

  @Test func noRunBlocksAreShownNotRun() {
    let steps = parse("```swift no-run\nfatalError()\n```\n\n```swift\nlet b = 2\n```\n").notebook.steps
    #expect(steps == [NotebookStep(index: 1, line: 6, code: "let b = 2\n")])
  }

  @Test func otherLanguagesAndPrefixesAreNotSteps() {
    let text = "```python\nx = 1\n```\n\n```swiftui\nText(\"\")\n```\n\n```Swift\nlet a = 1\n```\n"
    #expect(parse(text).notebook.steps.isEmpty)
  }

  @Test func backtickFenceInfoCannotContainBackticks() {
    // CommonMark: "``` aa ```" is inline code, not a fence.
    #expect(parse("``` swift `x`\nlet a = 1\n```\n").notebook.steps.isEmpty)
  }

  @Test func emptyFenceIsAnEmptyStep() {
    #expect(parse("```swift\n```\n").notebook.steps.map(\.code) == [""])
  }

  @Test func fenceInsideAListItemIsAStepWithTheListIndentRemoved() {
    let steps = parse("- item\n\n  ```swift\n  let a = 1\n  ```\n").notebook.steps
    #expect(steps.map(\.code) == ["let a = 1\n"])
    #expect(steps.map(\.line) == [4])
  }

  @Test func claimBlocksKeepTheirYAMLAndLine() {
    let parse = parse("Intro.\n\n```claim\nid: a\nsays: b\n```\n")
    #expect(parse.notebook.claimBlocks == [ClaimBlock(yaml: "id: a\nsays: b\n", line: 4)])
  }

  @Test func stepsAreNumberedInFileOrder() {
    let text = "```swift\nlet a = 1\n```\n\n```claim\nid: x\nsays: y\n```\n\n```swift\nlet b = a\n```\n"
    #expect(parse(text).notebook.steps.map(\.index) == [1, 2])
    #expect(parse(text).notebook.steps.map(\.line) == [2, 11])
  }
}
