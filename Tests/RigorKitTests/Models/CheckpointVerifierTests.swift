import Foundation
import Testing
@testable import RigorKit

@Suite("CheckpointVerifier")
struct CheckpointVerifierTests {
  /// What an honest seed reports for `entry`.
  static func report(_ entry: ModelEntry, step: Int = 1) -> ReportedCheckpoint {
    ReportedCheckpoint(
      step: step, name: entry.name, kind: entry.kind.rawValue, source: entry.source,
      files: entry.files.map { .init(path: $0.path, sha256: $0.sha256) })
  }

  @Test("an honest report of an installed entry is verified, with the manifest's provenance")
  func verifiesInstalledEntry() throws {
    let fixture = try ModelFixture()
    _ = try fixture.installer().install("tiny-model")
    let entry = fixture.manifest.entries[0]
    let verifier = CheckpointVerifier(store: fixture.modelStore)
    let documents = verifier.verify([Self.report(entry), Self.report(entry, step: 2)])
    #expect(documents.count == 1)
    #expect(documents.first?.verified == true)
    #expect(documents.first?.sha256 == entry.sha256)
    #expect(documents.first?.kind == "model")
    #expect(documents.first?.source == "https://example.org/tiny-model")
    #expect(documents.first?.files.count == 2)
  }

  @Test("a file altered in the store after install is caught although the seed reports the manifest's hashes")
  func catchesAlteredStore() throws {
    let fixture = try ModelFixture()
    _ = try fixture.installer().install("tiny-model")
    // Warm the cache with the good file first: the change must still be seen.
    let entry = fixture.manifest.entries[0]
    #expect(CheckpointVerifier.verifyAll([], store: fixture.modelStore).isEmpty)
    var altered = ModelFixture.weights
    altered[5] ^= 0x10
    try fixture.overwrite("tiny-model", "fake_model/weights.bin", with: altered)
    let document = try #require(CheckpointVerifier(store: fixture.modelStore).verify([Self.report(entry)]).first)
    #expect(!document.verified)
    #expect(document.problem?.contains("fake_model/weights.bin has sha256 \(FileDigest.sha256(of: altered))") == true)
  }

  @Test("a seed's claim of other hashes or another kind is not believed")
  func rejectsForgedReport() throws {
    let fixture = try ModelFixture()
    _ = try fixture.installer().install("tiny-model")
    let entry = fixture.manifest.entries[0]
    var forged = Self.report(entry)
    forged.files[0].sha256 = String(repeating: "0", count: 64)
    var relabelled = Self.report(fixture.manifest.entries[1])
    relabelled.kind = "model"
    let verifier = CheckpointVerifier(store: fixture.modelStore)
    #expect(verifier.verify([forged]).first?.verified == false)
    let data = try #require(verifier.verify([relabelled]).first)
    #expect(!data.verified && data.kind == "data")
  }

  @Test("an entry not in the manifest is kept as reported and not verified")
  func unknownEntry() throws {
    let fixture = try ModelFixture()
    let report = ReportedCheckpoint(step: 1, name: "homemade", kind: "model", source: "me", files: [])
    let document = try #require(CheckpointVerifier(store: fixture.modelStore).verify([report]).first)
    #expect(!document.verified)
    #expect(document.problem == "'homemade' is not in Rigor's model manifest")
  }

  @Test("the run environment lists the verified checkpoints' hashes")
  func environmentHashes() {
    let good = CheckpointDocument(name: "a", kind: "model", source: "s", sha256: "11", files: [], verified: true)
    let bad = CheckpointDocument(name: "b", kind: "model", source: "s", sha256: "22", files: [], verified: false)
    #expect(CheckpointVerifier.environment([0: [good, bad], 1: [good]]) == ["a": "11"])
    #expect(CheckpointVerifier.environment([:]) == nil)
  }

  @Test("BLAS threads per seed are cores / min(jobs, seeds): one seed gets every core")
  func blasThreadsPerSeed() {
    let scheduler = SeedScheduler(jobs: 2, cores: 8)
    #expect(scheduler.blasThreads(seeds: 1) == 8)
    #expect(scheduler.blasThreads(seeds: 5) == 4)
    #expect(SeedScheduler(jobs: 8, cores: 8).blasThreads(seeds: 3) == 2)
    #expect(SeedScheduler(jobs: 16, cores: 2).blasThreads(seeds: 16) == 1)
  }
}
