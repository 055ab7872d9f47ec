import Foundation
import Testing
@testable import RigorKit

/// A notebook loading a checkpoint under the real runner and sandbox: the store is visible
/// read-only, the report reaches `runs[i].checkpoints` verified by the runner, and an entry
/// altered after install is recorded as not verified.
@Suite("Checkpoint run", .serialized)
struct CheckpointRunTests {
  static let notebook = """
    ---
    title: loads a checkpoint
    seeds: 1
    ---

    ```swift
    let folder = try checkpoint("tiny-model")
    let words = try String(contentsOf: folder.appendingPathComponent("fake_model/vocab/words.txt"), encoding: .utf8)
    record("words", Double(words.split(separator: "\\n").count))
    // The store is read-only to the seed.
    record("writable", FileManager.default.isWritableFile(atPath: folder.path) ? 1 : 0)
    ```
    """

  @Test("a seed's checkpoint is verified by the runner and quoted in the environment")
  func verifiedRun() throws {
    let fixture = try ModelFixture()
    _ = try fixture.installer().install("tiny-model")
    let repo = try ScratchRepository()
    let path = try repo.notebook("ckpt", Self.notebook)
    let options = ["--model-store", fixture.store.path, "--model-manifest", try fixture.manifestFile()]
    let run = repo.rigor(["run", path, "--format", "json", "--seeds", "1"] + options)
    #expect(run.status == 0, "\(run.stderr)")
    let document = try #require(try run.documents().first)
    #expect(document.metrics["words"] == [3])
    if document.sandbox == true { #expect(document.metrics["writable"] == [0]) }
    let checkpoint = try #require(document.runs.first?.checkpoints?.first)
    #expect(checkpoint.name == "tiny-model" && checkpoint.kind == "model" && checkpoint.verified)
    #expect(checkpoint.sha256 == fixture.manifest.entries[0].sha256)
    #expect(document.environment?.checkpoints == ["tiny-model": fixture.manifest.entries[0].sha256])

    // Altered in place after install (same size): the seed cannot tell, the runner does.
    var altered = ModelFixture.weights
    altered[1] ^= 0x20
    try fixture.overwrite("tiny-model", "fake_model/weights.bin", with: altered)
    let again = repo.rigor(["run", path, "--format", "json", "--seeds", "1", "--no-commit"] + options)
    let second = try #require(try again.documents().first?.runs.first?.checkpoints?.first)
    #expect(!second.verified)
    #expect(second.problem?.contains("fake_model/weights.bin has sha256") == true)
  }

  @Test("a checkpoint that is not installed fails the step at its line with the install command")
  func missingCheckpoint() throws {
    let fixture = try ModelFixture()
    let repo = try ScratchRepository()
    let path = try repo.notebook("ckpt", Self.notebook)
    let run = repo.rigor([
      "run", path, "--format", "json", "--seeds", "1", "--no-commit", "--model-store", fixture.store.path,
      "--model-manifest", try fixture.manifestFile(),
    ])
    #expect(run.status == 5)
    let error = try #require(try run.documents().first?.errors.first)
    #expect(error.line == 7)
    #expect(error.message.contains("run `rigor models install tiny-model`"))
  }
}
