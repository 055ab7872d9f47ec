import Testing
@testable import RigorKit

@Suite struct FrontMatterParserTests {
  func parse(_ text: String) -> NotebookParse {
    NotebookParser().parse(text: text, path: "Notebooks/t.md")
  }

  @Test func readsTypedParametersInOrder() {
    let text = "---\ntitle: Toy\nparams:\n  features: 20\n  sparsity: 0.9\n  label: \"demo\"\n  fast: false\nseeds: 3\ntimeout: 30\n---\n# Body\n"
    let parse = parse(text)
    #expect(parse.diagnostics.isEmpty)
    let fm = parse.notebook.frontMatter
    #expect(fm.title == "Toy")
    #expect(fm.parameters.map(\.name) == ["features", "sparsity", "label", "fast"])
    #expect(fm.parameters.map(\.value) == [.int(20), .double(0.9), .string("demo"), .bool(false)])
    #expect(fm.parameters.map(\.location.line) == [4, 5, 6, 7])
    #expect(fm.seeds == [0, 1, 2])
    #expect(fm.timeout == 30)
  }

  @Test func stepLinesAfterFrontMatterAreTheFilesOwnLines() {
    let text = "---\nseeds: [0, 3, 7]\n---\n\n```swift\nlet a = 1\n```\n"
    let parse = parse(text)
    #expect(parse.notebook.frontMatter.seeds == [0, 3, 7])
    #expect(parse.notebook.steps.map(\.line) == [6])
  }

  @Test func badYAMLIsReportedAtItsNotebookLine() {
    let parse = parse("---\ntitle: x\nseeds: [1, 2\ntimeout: 3\n---\n")
    #expect(!parse.isValid)
    #expect(parse.diagnostics.first?.location.line == 4)
    #expect(parse.diagnostics.first?.message.contains("front matter") == true)
  }

  @Test func unclosedFrontMatterIsAnError() {
    let parse = parse("---\ntitle: x\n\nBody\n")
    #expect(parse.diagnostics.map(\.location.line) == [1])
    #expect(!parse.isValid)
  }

  @Test func wrongTypesPointAtTheValue() {
    let parse = parse("---\nseeds: many\ntimeout: -1\nparams:\n  2bad: 1\n  ok: [1]\n---\n")
    #expect(parse.diagnostics.map(\.location.line) == [2, 3, 5, 6])
    #expect(parse.diagnostics.allSatisfy { $0.severity == .error })
  }

  @Test func unknownKeysWarnButDoNotInvalidate() {
    let parse = parse("---\ntitel: x\nauthor: me\n---\n")
    #expect(parse.isValid)
    #expect(parse.diagnostics.map(\.severity) == [.warning])
    #expect(parse.diagnostics.first?.location == SourceLocation(file: "Notebooks/t.md", line: 2, column: 1))
  }

  @Test func aThematicBreakLaterIsNotFrontMatter() {
    let parse = parse("# Title\n\n---\n\ntext\n")
    #expect(parse.isValid)
    #expect(parse.notebook.frontMatter.bodyStartLine == 1)
  }
}
