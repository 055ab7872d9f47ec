import Foundation
import Testing
@testable import RigorKit

@Suite("CommitTrailer")
struct StoreCommitTrailerTests {
  @Test func parsesTheLastParagraph() {
    let message = "Subject\n\nBody\n--- a rule\n\nNotebook: a.md\nSource-Dirty:  true \n\n"
    #expect(CommitTrailer.parse(message: message) == [
      CommitTrailer(key: "Notebook", value: "a.md"), CommitTrailer(key: "Source-Dirty", value: "true"),
    ])
  }

  @Test func joinsContinuationLines() {
    let message = "Subject\n\nKey: first\n  second\nOther: x\n"
    #expect(CommitTrailer.parse(message: message) == [
      CommitTrailer(key: "Key", value: "first second"), CommitTrailer(key: "Other", value: "x"),
    ])
  }

  @Test(arguments: [
    "Notebook: only a subject\n",
    "Subject\n\nA body line\nKey: value\n",
    "Subject\n\nBad key: value\n",
    "Subject\n\n  leading continuation\nKey: v\n",
    "",
  ])
  func findsNoTrailersWhereGitWouldNot(message: String) {
    #expect(CommitTrailer.parse(message: message).isEmpty)
  }

  @Test func agreesWithGitInterpretTrailers() throws {
    let folder = try StoreTemporaryFolder()
    let message = "Run x\n\nSome body.\n\nNotebook: Notebooks/x.md\nNotebook-Blob: abc\nRigor-Kind: result\n"
    let parsed = try storeGit(["interpret-trailers", "--parse"], in: folder.url, input: Data(storeText: message))
    let expected = parsed.standardOutput.split(separator: "\n").map { line -> CommitTrailer in
      let parts = line.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
      return CommitTrailer(key: parts[0], value: parts[1])
    }
    #expect(!expected.isEmpty)
    #expect(CommitTrailer.parse(message: message) == expected)
  }
}

@Suite("CommitTrailer keys")
struct StoreCommitTrailerKeyTests {
  @Test func keysMatchIgnoringASCIICaseOnly() {
    #expect(CommitTrailer.keysMatch("Rigor-Kind", "rigor-KIND"))
    #expect(CommitTrailer.keysMatch("", ""))
    #expect(!CommitTrailer.keysMatch("Rigor-Kind", "Rigor-Kin"))
    #expect(!CommitTrailer.keysMatch("Rigor-Kind", "Rigor_Kind"))
    // Only letters fold: '@' (0x40) and '`' (0x60) differ by the same bit as 'A' and 'a'.
    #expect(!CommitTrailer.keysMatch("@", "`"))
  }

  @Test func readsCarriageReturnLinesAsGitDoes() {
    let message = "Subject\r\n\r\nKey: value\r\nOther:\tx \r\n"
    #expect(CommitTrailer.parse(message: message) == [
      CommitTrailer(key: "Key", value: "value"), CommitTrailer(key: "Other", value: "x"),
    ])
  }
}
