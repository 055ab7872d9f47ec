import Foundation
import Testing

@testable import RigorRuntime

/// `dataFile(_:)` names only what the front matter's `data:` lists, under the repository root.
@Suite struct DataFilesTests {
  let files = DataFiles(environment: [
    "RIGOR_DATA_ROOT": "/repo", "RIGOR_DATA_PATHS": "data/words.txt\ncorpus",
  ])

  @Test func aListedFileOrAFileInsideAListedFolderResolvesUnderTheRoot() throws {
    #expect(try files.url("data/words.txt").path == "/repo/data/words.txt")
    #expect(try files.url("./data/words.txt").path == "/repo/data/words.txt")
    #expect(try files.url("corpus/a/b.txt").path == "/repo/corpus/a/b.txt")
    #expect(try files.url("corpus").path == "/repo/corpus")
  }

  @Test func anythingElseIsAnErrorNamingWhatIsListed() {
    for path in ["data/secret.txt", "corpusx/a.txt", "corpus/../data/secret.txt", "/etc/passwd", "data"] {
      #expect(throws: RigorRuntimeError.self, "\(path)") { try files.url(path) }
    }
    let error = #expect(throws: RigorRuntimeError.self) { try files.url("data/secret.txt") }
    #expect(error?.message.contains("it lists data/words.txt, corpus") == true)
  }

  @Test func withoutARunnerNothingIsListed() {
    let empty = DataFiles(environment: [:])
    let error = #expect(throws: RigorRuntimeError.self) { try empty.url("data/words.txt") }
    #expect(error?.message.contains("lists no `data:` paths") == true)
  }
}
