import Testing

@testable import RigorKit

@Suite struct CompilerDiagnosticParserTests {
  let notebook = NotebookParser().parse(
    text: "# N\n\n- item\n\n  ```swift\n  let a = 1\n  ```\n", path: "Notebooks/n.md"
  ).notebook

  var parser: CompilerDiagnosticParser {
    CompilerDiagnosticParser(notebook: notebook, generatedPath: "/cache/builds/k/main.swift")
  }

  @Test func errorsAtNotebookLinesKeepTheLineAndShiftTheColumnByTheListIndent() {
    let diagnostics = parser.parse("Notebooks/n.md:6:9: error: cannot find 'b' in scope\n  let a = b\n        ^\n")
    #expect(diagnostics.count == 1)
    #expect(diagnostics.first?.location == SourceLocation(file: "Notebooks/n.md", line: 6, column: 11))
    #expect(diagnostics.first?.message == "cannot find 'b' in scope")
  }

  @Test func aFailedLinkCarriesTheLinkersOwnLines() {
    let output = """
      error: link command failed with exit code 1 (use -v to see invocation)
      /usr/bin/ld.gold: internal error in find_view, at ../../gold/fileread.cc:338
      clang: error: linker command failed with exit code 1 (use -v to see invocation)
      """
    let diagnostics = parser.parse(output)
    #expect(diagnostics.count == 1)
    let message = diagnostics.first?.message ?? ""
    #expect(message.hasPrefix("linker command failed with exit code 1"))
    #expect(message.contains("ld.gold: internal error in find_view"))
    #expect(!message.contains("error: link command failed"))
    #expect(diagnostics.first?.location == SourceLocation(file: "Notebooks/n.md", line: 1))
  }

  @Test func linesBeforeAnEarlierDiagnosticAreNotCarriedIntoALaterOne() {
    let output = """
      Notebooks/n.md:6:3: warning: initialization of immutable value 'a' was never used
      unrelated note
      Notebooks/n.md:6:7: error: something
      clang: error: linker command failed with exit code 1
      """
    let diagnostics = parser.parse(output)
    #expect(diagnostics.map(\.message) == [
      "initialization of immutable value 'a' was never used", "something",
      "linker command failed with exit code 1",
    ])
  }

  @Test func errorsInTheGeneratedGlueAreReportedAtTheFirstLine() {
    let diagnostics = parser.parse("/cache/builds/k/main.swift:3:5: error: invalid redeclaration of 'params'\n")
    #expect(diagnostics.first?.message == "in code Rigor generated around the steps: invalid redeclaration of 'params'")
    #expect(diagnostics.first?.location.line == 1)
  }
}
