import Foundation
import Testing

@testable import RigorKit

@Suite struct BuildCacheTests {
  @Test func outputsOfDeadOrDayOldCompilesAreRemovedAndLiveOnesKept() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rigor-cache-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    let cache = BuildCache(folder: folder)
    let entry = folder.appendingPathComponent("builds/abc")
    try FileManager.default.createDirectory(at: entry, withIntermediateDirectories: true)

    let finished = Process()
    finished.executableURL = URL(fileURLWithPath: "/bin/true")
    try finished.run()
    finished.waitUntilExit()
    let dead = BuildCache.temporaryName(pid: finished.processIdentifier, nonce: 1)
    let live = BuildCache.temporaryName(pid: getpid(), nonce: 2)
    let old = BuildCache.temporaryName(pid: getpid(), nonce: 3)
    for name in [dead, live, old, "main.swift", "program"] {
      try Data("x".utf8).write(to: entry.appendingPathComponent(name))
    }
    try FileManager.default.setAttributes(
      [.modificationDate: Date().addingTimeInterval(-2 * 86_400)], ofItemAtPath: entry.appendingPathComponent(old).path)

    cache.removeAbandonedOutputs(in: entry)
    let left = Set(try FileManager.default.contentsOfDirectory(atPath: entry.path))
    #expect(left == [live, "main.swift", "program"])
  }
}
