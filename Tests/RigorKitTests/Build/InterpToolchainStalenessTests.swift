import Foundation
import Testing

@testable import RigorKit

/// When the notebook libraries in `.build-notebook/` must be rebuilt.
@Suite struct InterpToolchainStalenessTests {
  /// A checkout with one source per target and both libraries, every file dated as given
  /// (seconds after a fixed instant).
  func checkout(sources: [String: Double], libraries: [String: Double]) throws -> (root: URL, folder: URL) {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("rigor-toolchain-\(UUID().uuidString.prefix(8))")
    let folder = root.appendingPathComponent(".build-notebook/release")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let origin = Date(timeIntervalSince1970: 1_800_000_000)
    for (target, offset) in sources {
      let file = root.appendingPathComponent("Sources/\(target)/File.swift")
      try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data().write(to: file)
      try FileManager.default.setAttributes([.modificationDate: origin + offset], ofItemAtPath: file.path)
    }
    for (library, offset) in libraries {
      let file = folder.appendingPathComponent(library)
      try Data().write(to: file)
      try FileManager.default.setAttributes([.modificationDate: origin + offset], ofItemAtPath: file.path)
    }
    return (root, folder)
  }

  @Test func anInterpChangeDoesNotMakeTheOlderRuntimeLibraryStale() throws {
    // Interp changed at 100 and libInterp.so was rebuilt at 200; libRigorRuntime.so (10) is
    // older than that Interp source but newer than its own sources (0).
    let (root, folder) = try checkout(
      sources: ["Interp": 100, "RigorStatistics": 0, "RigorRuntime": 0, "RigorProtocol": 0],
      libraries: ["libInterp.so": 200, "libRigorRuntime.so": 10])
    defer { try? FileManager.default.removeItem(at: root) }
    #expect(!InterpToolchain.sourcesAreNewer(root: root, than: folder))
  }

  @Test(arguments: ["Interp", "RigorStatistics", "RigorRuntime", "RigorProtocol"])
  func aSourceNewerThanItsOwnLibraryIsStale(target: String) throws {
    var sources = ["Interp": 0.0, "RigorStatistics": 0, "RigorRuntime": 0, "RigorProtocol": 0]
    sources[target] = 300
    let (root, folder) = try checkout(sources: sources, libraries: ["libInterp.so": 200, "libRigorRuntime.so": 200])
    defer { try? FileManager.default.removeItem(at: root) }
    #expect(InterpToolchain.sourcesAreNewer(root: root, than: folder))
  }
}

extension InterpToolchainStalenessTests {
  @Test func aBuildThatChangedNothingStillMarksTheLibrariesCurrent() throws {
    // A checkout dated every source 300 but SwiftPM, finding their content unchanged, left the
    // libraries at 200: after the build the mark makes them current.
    let (root, folder) = try checkout(
      sources: ["Interp": 300, "RigorStatistics": 300, "RigorRuntime": 300, "RigorProtocol": 300],
      libraries: ["libInterp.so": 200, "libRigorRuntime.so": 200])
    defer { try? FileManager.default.removeItem(at: root) }
    #expect(InterpToolchain.sourcesAreNewer(root: root, than: folder))
    InterpToolchain.markBuilt(folder, at: Date(timeIntervalSince1970: 1_800_000_000 + 400))
    #expect(!InterpToolchain.sourcesAreNewer(root: root, than: folder))
  }
}
