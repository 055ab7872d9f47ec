import Foundation
import Testing

@testable import RigorRuntime

/// `checkpoint(_:)`: finds an installed entry, reports it once, and refuses unknown, missing
/// and altered entries with the command that installs them.
@Suite("Checkpoint")
struct CheckpointTests {
  /// A store with entry `tiny-model` (two files) installed, and the manifest the runner passes.
  final class Store {
    let root: URL
    let entries: [CheckpointStore.Entry]

    init() throws {
      root = FileManager.default.temporaryDirectory.appendingPathComponent("rigor-ckpt-\(UUID().uuidString.prefix(8))")
      let files = [("pkg/weights.bin", "0123456789"), ("pkg/vocab/words.txt", "a\nb\n")]
      for (path, text) in files {
        let url = root.appendingPathComponent("tiny-model").appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
      }
      entries = [
        CheckpointStore.Entry(
          name: "tiny-model", kind: "model", source: "https://example.org/tiny",
          files: files.map { .init(path: $0.0, sha256: String(repeating: "ab", count: 32), bytes: $0.1.utf8.count) }),
        CheckpointStore.Entry(name: "other-model", kind: "model", source: "s", files: []),
      ]
    }

    deinit { try? FileManager.default.removeItem(at: root) }

    var store: CheckpointStore { CheckpointStore(root: root, entries: entries) }
  }

  @Test("an installed entry returns its folder and reports name, kind, source and files once")
  func reportsInstalledEntry() throws {
    let fixture = try Store()
    let harness = RuntimeHarness()
    harness.state.beginStep(2)
    let folder = try harness.state.checkpoint("tiny-model", store: fixture.store)
    #expect(folder.standardizedFileURL.path == fixture.root.appendingPathComponent("tiny-model").standardizedFileURL.path)
    _ = try harness.state.checkpoint("tiny-model", store: fixture.store)
    let events = harness.events().filter { $0["event"] as? String == "checkpoint" }
    #expect(events.count == 1)
    let event = try #require(events.first)
    #expect(event["step"] as? Int == 2)
    #expect(event["name"] as? String == "tiny-model")
    #expect(event["kind"] as? String == "model")
    #expect(event["source"] as? String == "https://example.org/tiny")
    let hash = String(repeating: "ab", count: 32)
    #expect(event["files"] as? String == "\(hash) pkg/weights.bin\n\(hash) pkg/vocab/words.txt\n")
  }

  @Test("an unknown name lists the manifest's names")
  func unknownName() throws {
    let fixture = try Store()
    #expect(throws: RigorRuntimeError(
      "no checkpoint called 'gpt-9' in Rigor's model manifest (known: tiny-model, other-model); `rigor models list` shows them"))
    {
      try RuntimeHarness().state.checkpoint("gpt-9", store: fixture.store)
    }
  }

  @Test("an entry not in the store says how to install it")
  func notInstalled() throws {
    let fixture = try Store()
    var entries = fixture.entries
    entries[1].files = [.init(path: "x/y.bin", sha256: "", bytes: 1)]
    let store = CheckpointStore(root: fixture.root, entries: entries)
    #expect(throws: RigorRuntimeError(
      "checkpoint 'other-model' is not installed in the model store \(fixture.root.path): run `rigor models install other-model`"))
    {
      try RuntimeHarness().state.checkpoint("other-model", store: store)
    }
  }

  @Test("an entry missing a file is incomplete, and one with a file of another size is altered")
  func incompleteOrAltered() throws {
    let fixture = try Store()
    let words = fixture.root.appendingPathComponent("tiny-model/pkg/vocab/words.txt")
    try Data("a\nb\nc\n".utf8).write(to: words)
    #expect(throws: RigorRuntimeError(
      "checkpoint 'tiny-model' is altered in the model store: pkg/vocab/words.txt has 6 bytes, the manifest says 4; run `rigor models install tiny-model` to replace it"))
    {
      try RuntimeHarness().state.checkpoint("tiny-model", store: fixture.store)
    }
    try FileManager.default.removeItem(at: words)
    #expect(throws: RigorRuntimeError(
      "checkpoint 'tiny-model' is incomplete (pkg/vocab/words.txt is missing) in the model store \(fixture.root.path): run `rigor models install tiny-model`"))
    {
      try RuntimeHarness().state.checkpoint("tiny-model", store: fixture.store)
    }
  }

  @Test("outside Rigor the entry's install marker stands in for the manifest")
  func markerOutsideRigor() throws {
    let fixture = try Store()
    let store = CheckpointStore(root: fixture.root, entries: nil)
    #expect(throws: RigorRuntimeError.self) { try RuntimeHarness().state.checkpoint("tiny-model", store: store) }
    let marker = """
      {"name": "tiny-model", "package": "p", "version": "1", "installed_at": "now",
       "files": [{"path": "pkg/weights.bin", "sha256": "\(String(repeating: "cd", count: 32))", "bytes": 10}]}
      """
    try Data(marker.utf8).write(to: fixture.root.appendingPathComponent("tiny-model/.rigor-installed.json"))
    let harness = RuntimeHarness()
    _ = try harness.state.checkpoint("tiny-model", store: store)
    let event = try #require(harness.events().first { $0["event"] as? String == "checkpoint" })
    #expect(event["files"] as? String == "\(String(repeating: "cd", count: 32)) pkg/weights.bin\n")
  }

  @Test("the environment names the store and carries the runner's manifest")
  func environment() {
    let store = CheckpointStore(environment: [
      "RIGOR_MODELS": "/models", "RIGOR_MODEL_MANIFEST": #"{"entries":[{"name":"a","kind":"data","source":"s","files":[]}]}"#,
    ])
    #expect(store.root.path == "/models")
    #expect(store.entries?.map(\.name) == ["a"])
    #expect(CheckpointStore(environment: ["HOME": "/home/u"]).root.path == "/home/u/.cache/rigor/models")
  }
}
