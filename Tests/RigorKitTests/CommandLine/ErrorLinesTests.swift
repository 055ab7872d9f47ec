import Testing
@testable import RigorKit

@Suite struct ErrorLinesTests {
  func error(_ line: Int, _ message: String, seed: Int?) -> ErrorDocument {
    ErrorDocument(Diagnostic(message, at: SourceLocation(file: "Notebooks/x.md", line: line, column: 3)), step: 1, seed: seed)
  }

  @Test func sameErrorInEverySeedIsOneLine() {
    let lines = ErrorLines.group((0..<5).map { error(8, "matmul: bad", seed: $0) })
    #expect(lines.count == 1)
    #expect(lines[0].seeds == [0, 1, 2, 3, 4])
    #expect(ErrorLines.seedNote(lines[0].seeds, of: 5) == " [5 of 5 seeds failed the same way]")
  }

  @Test func differentMessagesOrLinesStayApartInFirstSeenOrder() {
    let lines = ErrorLines.group([
      error(8, "a", seed: 0), error(9, "a", seed: 1), error(8, "b", seed: 2), error(8, "a", seed: 3),
    ])
    #expect(lines.map(\.error.message) == ["a", "a", "b"])
    #expect(lines[0].seeds == [0, 3])
    #expect(ErrorLines.seedNote([0, 3], of: 5) == " [seeds 0, 3: 2 of 5 seeds failed the same way]")
    #expect(ErrorLines.seedNote([2], of: 5) == " [seed 2]")
    #expect(ErrorLines.seedNote([], of: 5) == "")
  }
}
