import Foundation
import Testing
@testable import RigorKit

/// Attacks on the record by a notebook's steps or a repository's content (issue 12), run end
/// to end: real compile, real seeds, real commits.
@Suite(.serialized) struct RunIntegrityTests {
  static func notebook(_ body: String, params: String = "") -> String {
    """
    ---
    seeds: 1
    \(params)
    ---

    # Attack

    ```swift
    import Foundation
    let output = ProcessInfo.processInfo.environment["RIGOR_OUTPUT_DIR"]!
    \(body)
    ```
    """
  }

  @Test func anArtifactSwappedForASymlinkIsRefusedNotCommitted() throws {
    let repo = try ScratchRepository()
    let secret = repo.root.appendingPathComponent("secret.txt")
    try "TOP-SECRET-TOKEN".write(to: secret, atomically: true, encoding: .utf8)
    let path = try repo.notebook("steal", Self.notebook("""
      artifact("loot", "harmless")
      let file = output + "/artifacts/loot"
      unlink(file)
      symlink("\(secret.path)", file)
      """))
    let run = repo.rigor(["run", path, "--format", "json", "--seeds", "1"])
    let document = try #require(try run.documents().first)
    #expect(run.status == 5)
    #expect(document.status == .failed)
    #expect(document.resultCommit != nil)
    #expect(document.errors.contains { $0.message == "artifact 'loot' was not collected: it is a symbolic link" })
    let tree = try repo.git(["ls-tree", "-r", "--name-only", "refs/rigor/steal"])
    #expect(!tree.output.contains("artifacts/loot"))
    let grep = try repo.git(["grep", "TOP-SECRET", "refs/rigor/steal"])
    #expect(grep.output.isEmpty)
  }

  @Test func aFIFOInPlaceOfAFigureIsRefusedWithAReasonAndDoesNotHang() throws {
    let repo = try ScratchRepository()
    let path = try repo.notebook("fifo", Self.notebook("""
      artifact("pipe", "x")
      let file = output + "/artifacts/pipe"
      unlink(file)
      mkfifo(file, 0o644)
      """))
    let run = repo.rigor(["run", path, "--format", "json", "--seeds", "1"])
    let document = try #require(try run.documents().first)
    #expect(run.status == 5)
    #expect(document.errors.contains { $0.message == "artifact 'pipe' was not collected: it is a FIFO, not a regular file" })
    #expect(document.resultCommit != nil)
  }

  @Test func aSymlinkedResultsFolderIsNotWrittenThroughButTheRunIsCommitted() throws {
    let repo = try ScratchRepository()
    let outside = FileManager.default.temporaryDirectory.appendingPathComponent("rigor-outside-\(UUID().uuidString.prefix(8))")
    let victim = outside.appendingPathComponent("x")
    try FileManager.default.createDirectory(at: victim, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: outside) }
    try "keep me".write(to: victim.appendingPathComponent("precious.txt"), atomically: true, encoding: .utf8)
    try FileManager.default.createDirectory(at: repo.root.appendingPathComponent("Results"), withIntermediateDirectories: true)
    try FileManager.default.createSymbolicLink(
      atPath: repo.root.appendingPathComponent("Results/sl").path, withDestinationPath: outside.path)
    try FileManager.default.createDirectory(
      at: repo.root.appendingPathComponent("Notebooks/sl"), withIntermediateDirectories: true)
    let path = try repo.notebook("sl/x", Self.notebook("record(\"v\", 1)"))
    let run = repo.rigor(["run", path, "--format", "json", "--seeds", "1"])
    #expect(run.status == 6)
    let document = try #require(try run.documents().first)
    #expect(document.resultCommit != nil)
    #expect(run.stderr.contains("Results/sl is a symbolic link"))
    #expect(FileManager.default.fileExists(atPath: victim.appendingPathComponent("precious.txt").path))
    #expect(!FileManager.default.fileExists(atPath: victim.appendingPathComponent("result.json").path))
    #expect(try repo.git(["cat-file", "-e", "refs/rigor/sl/x:result.json"]).status == 0)
  }

  @Test func aForgedArtifactNamedDotGitIsARecordedFailedRunNotAnInterruptedOne() throws {
    let repo = try ScratchRepository()
    let path = try repo.notebook("planted", Self.notebook("""
      let line = "{\\"event\\":\\"artifact\\",\\"step\\":1,\\"name\\":\\".git\\",\\"path\\":\\"artifacts/.git\\",\\"bytes\\":1}\\n"
      _ = line.withCString { write(3, $0, strlen($0)) }
      sleep(5)
      """))
    let run = repo.rigor(["run", path, "--format", "json", "--seeds", "1"])
    let document = try #require(try run.documents().first)
    #expect(run.status == 5)
    #expect(document.status == .failed)
    #expect(document.resultCommit != nil)
    #expect(document.errors.contains { $0.message.contains("broke the protocol: artifact name '.git' must not start with '.'") })
    let log = try repo.git(["log", "--format=%s", "refs/rigor/planted"])
    #expect(log.output.hasPrefix("rigor: planted failed"))
  }

  @Test func twoFilesThatWouldShareARefAreRefusedNamingBoth() throws {
    let repo = try ScratchRepository()
    let text = Self.notebook("record(\"v\", 1)")
    let path = try repo.notebook("dup", text)
    try text.write(to: repo.root.appendingPathComponent("dup.md"), atomically: true, encoding: .utf8)
    let run = repo.rigor(["run", path, "--format", "json", "--seeds", "1"])
    #expect(run.status == 3)
    let document = try #require(try run.documents().first)
    #expect(document.errors.first?.message.hasPrefix("'Notebooks/dup.md' and 'dup.md' would both record their runs on refs/rigor/dup") == true)
    #expect(try repo.git(["rev-parse", "--verify", "-q", "refs/rigor/dup"]).status != 0)
  }

  @Test func aLongStringParameterTravelsInAFile() throws {
    let repo = try ScratchRepository()
    let path = try repo.notebook("long", Self.notebook("record(\"length\", params.label.count)", params: "params:\n  label: short"))
    let long = String(repeating: "ab", count: 100 * 1024)
    let run = repo.rigor(["run", path, "--format", "json", "--seeds", "1", "--no-commit", "--param", "label=\(long)"])
    #expect(run.status == 0, "\(run.stderr.suffix(500))")
    let document = try #require(try run.documents().first)
    #expect(document.metrics["length"] == [Double(long.count)])
  }
}
