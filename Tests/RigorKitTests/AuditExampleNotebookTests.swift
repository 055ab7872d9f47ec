import Foundation
import Testing

@testable import RigorKit

@Suite struct AuditExampleNotebookTests {
  /// Notebooks/examples/pontification.md, found from this test file's path.
  static let url = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Notebooks/examples/pontification.md")

  @Test func flagsExactlyTheUnsupportedSentences() throws {
    let flags = try ProseAuditor().audit(
      fileAt: Self.url, file: "Notebooks/examples/pontification.md")
    // Read off the file by hand: each line below holds the cue of a sentence that asserts
    // with no hedge, no anchor and no claim link. Not flagged: the claim-linked "clearly"
    // (line 15), hedged "suggests"/"may"/"appears", the ± and n = anchored sentences, the
    // negated "do not show that", inline code, the fenced python and the front matter.
    #expect(flags.map(\.line) == [14, 20, 23, 30, 31, 34, 39, 55])
    #expect(
      flags.map(\.cue) == [
        "is the induction head", "clearly", "shown that", "is the repeated-token feature",
        "encodes",
        "faithfully", "causes", "establish",
      ])
    #expect(flags.allSatisfy { $0.file == "Notebooks/examples/pontification.md" })
    #expect(
      flags.first { $0.line == 34 }?.text
        == "See the features section: the dictionary faithfully reconstructs the residual stream.")
  }
}
