import Foundation
import Testing

@testable import RigorKit

/// What the supervisor counts against a seed's disk limit (issue 12, item 6).
@Suite struct DiskUsageTests {
  @Test func countsEveryEntryAndTheBlocksOfNestedFilesButNotWhatALinkPointsAt() throws {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("rigor-disk-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: root) }
    let nested = root.appendingPathComponent("a/b")
    try FileManager.default.createDirectory(at: nested, withIntermediateDirectories: true)
    try Data(repeating: 7, count: 1 << 20).write(to: root.appendingPathComponent("one"))
    try Data(repeating: 7, count: 3 << 20).write(to: nested.appendingPathComponent("three"))
    // A link to a big file outside: one entry, never its target's size.
    let outside = FileManager.default.temporaryDirectory.appendingPathComponent("rigor-disk-outside-\(UUID().uuidString)")
    try Data(repeating: 7, count: 8 << 20).write(to: outside)
    defer { try? FileManager.default.removeItem(at: outside) }
    try FileManager.default.createSymbolicLink(at: root.appendingPathComponent("link"), withDestinationURL: outside)
    try FileManager.default.createSymbolicLink(at: root.appendingPathComponent("up"), withDestinationURL: outside.deletingLastPathComponent())

    let usage = DiskUsage.measure([root], entryLimit: 1000)
    // one, a, a/b, a/b/three, link, up
    #expect(usage.entries == 6)
    #expect(usage.bytes >= 4 << 20)
    #expect(usage.bytes < 5 << 20)
  }

  @Test func aSparseFileCountsOnlyWhatItTakes() throws {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("rigor-disk-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: root) }
    try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    let path = root.appendingPathComponent("sparse").path
    let descriptor = open(path, O_WRONLY | O_CREAT, 0o644)
    #expect(ftruncate(descriptor, 1 << 30) == 0)
    close(descriptor)
    let usage = DiskUsage.measure([root], entryLimit: 1000)
    #expect(usage.entries == 1)
    #expect(usage.bytes < 1 << 20)
  }

  @Test func theWalkStopsOncePastTheEntryLimit() throws {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("rigor-disk-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: root) }
    try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    for index in 0..<50 { FileManager.default.createFile(atPath: root.appendingPathComponent("f\(index)").path, contents: nil) }
    #expect(DiskUsage.measure([root], entryLimit: 10).entries == 11)
    #expect(DiskUsage.measure([root], entryLimit: 1000).entries == 50)
  }

  @Test func byteCountsReadAsPeopleWriteThem() {
    #expect("\(ByteCount(8 << 30))" == "8 GiB")
    #expect("\(ByteCount(32 << 20))" == "32 MiB")
    #expect("\(ByteCount(3 << 29))" == "1.5 GiB")
    #expect("\(ByteCount(512))" == "512 bytes")
  }
}
