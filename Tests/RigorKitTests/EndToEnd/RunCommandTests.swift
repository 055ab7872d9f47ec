import Foundation
import Testing
@testable import RigorKit

/// `rigor run` end to end: real compile, real seeds under bubblewrap, real commits.
@Suite(.serialized) struct RunCommandTests {
  static let metricNotebook = """
    ---
    params:
      offset: 1.0
    seeds: 5
    ---

    # Metric

    ```swift
    let value = Double(seed) + params.offset
    print("value", value)
    ```

    ```swift
    record("value", value)
    ```

    ```claim
    id: value-positive
    says: The value is positive.
    metric: value
    expect: "> 0"
    ```
    """

  @Test func compileErrorInThirdStepReportsItsMarkdownLine() throws {
    let repo = try ScratchRepository()
    let path = try repo.notebook("broken", """
      # Broken

      ```swift
      let a = 1
      ```

      ```swift
      let b = a + 1
      ```

      Third step below has a type error.

      ```swift
      let c: String = b
      ```
      """)
    let run = repo.rigor(["run", path, "--format", "json", "--no-commit"])
    #expect(run.status == 4)
    let document = try #require(try run.documents().first)
    #expect(document.status == .compileError)
    let error = try #require(document.errors.first)
    #expect(error.file == "Notebooks/broken.md")
    #expect(error.line == 14)
    #expect(error.step == 3)
    #expect(run.stderr.contains("Notebooks/broken.md:14:"))
  }

  @Test func runRecordsRegistrationThenResultOnTheNotebookRef() throws {
    let repo = try ScratchRepository()
    let path = try repo.notebook("metric", Self.metricNotebook)
    let run = repo.rigor(["run", path, "--format", "json", "--param", "offset=2"])
    #expect(run.status == 0, "\(run.stderr)")
    let document = try #require(try run.documents().first)
    #expect(document.metrics["value"] == [2, 3, 4, 5, 6])
    #expect(document.claims.map(\.verdict) == [.supported])
    let commit = try #require(document.resultCommit)
    let log = try repo.git(["log", "--format=%H %s", "refs/rigor/metric"])
    let lines = log.output.split(separator: "\n")
    #expect(lines.count == 2)
    #expect(lines.first?.hasPrefix(commit) == true)
    #expect(lines.last?.contains("register") == true)
    #expect(try repo.git(["fsck", "--strict"]).status == 0)
    let stored = try repo.git(["show", "\(commit):result.json"]).output
    #expect(stored.contains("\"value\""))
    #expect(FileManager.default.fileExists(atPath: repo.root.appendingPathComponent("Results/metric/seeds/0/steps/1.txt").path))
    // The user's branch is untouched: no commit on HEAD.
    #expect(try repo.git(["rev-parse", "--verify", "HEAD"]).status != 0)
  }

  @Test func trapInStepThreeOfFiveFailsThatStepSkipsTheRestAndStillCommits() throws {
    let repo = try ScratchRepository()
    let path = try repo.notebook("trap", """
      ```swift
      let xs = [1, 2, 3]
      ```

      ```swift
      record("before", 1)
      ```

      ```swift
      let i = xs.count + seed
      print(xs[i])
      ```

      ```swift
      record("after", 1)
      ```

      ```swift
      print("never")
      ```
      """)
    let run = repo.rigor(["run", path, "--format", "json", "--seeds", "2"])
    #expect(run.status == 5)
    let document = try #require(try run.documents().first)
    #expect(document.status == .failed)
    #expect(document.steps.map(\.status) == [.ok, .ok, .failed, .skipped, .skipped])
    #expect(document.errors.contains { $0.line == 11 && $0.step == 3 })
    #expect(document.metrics["before"] == [nil, nil])
    #expect(document.resultCommit != nil)
  }

  @Test func eightConcurrentRunsAllStayReachableFromTheRef() throws {
    let repo = try ScratchRepository()
    let path = try repo.notebook("metric", Self.metricNotebook)
    // Compile once first so the eight runs race on the store, not the compiler.
    #expect(repo.rigor(["run", path, "--no-commit", "--seeds", "1"]).status == 0)
    let commits = Captured()
    DispatchQueue.concurrentPerform(iterations: 8) { _ in
      let run = repo.rigor(["run", path, "--format", "json", "--seeds", "1", "--jobs", "1"])
      if let commit = try? run.documents().first?.resultCommit { commits.append(commit + "\n") }
    }
    let recorded = commits.text.split(separator: "\n").map(String.init)
    #expect(recorded.count == 8)
    let reachable = try repo.git(["rev-list", "refs/rigor/metric"]).output
    for commit in recorded { #expect(reachable.contains(commit)) }
    #expect(try repo.git(["fsck", "--strict"]).status == 0)
  }

  @Test func invalidClaimIsExitThreeAtItsLine() throws {
    let repo = try ScratchRepository()
    let path = try repo.notebook("bad", "# Bad\n\n```claim\nid: Bad_ID\nsays: x\nexpect: \"about 3\"\n```\n")
    let run = repo.rigor(["run", path, "--no-commit"])
    #expect(run.status == 3)
    #expect(run.stderr.contains("Notebooks/bad.md:4:") || run.stdout.contains("Notebooks/bad.md:4:"))
  }

  @Test func unknownParameterOverrideIsExitThree() throws {
    let repo = try ScratchRepository()
    let path = try repo.notebook("metric", Self.metricNotebook)
    let run = repo.rigor(["run", path, "--no-commit", "--param", "nope=1", "--format", "json"])
    #expect(run.status == 3)
    #expect(try run.documents().first?.errors.first?.message.contains("no such parameter") == true)
  }

  @Test func figuresAndArtifactsAreRecordedInTheResultTree() throws {
    let repo = try ScratchRepository()
    let path = try repo.notebook("figures", """
      ```swift
      figure("curve", Plot.line(y: [3.0, 2.0, 1.5], title: "loss"))
      artifact("notes.txt", "seed \\(seed)")
      ```
      """)
    let run = repo.rigor(["run", path, "--format", "json", "--seeds", "1"])
    #expect(run.status == 0, "\(run.stderr)")
    let commit = try #require(try run.documents().first?.resultCommit)
    let tree = try repo.git(["ls-tree", "-r", "--name-only", commit]).output
    #expect(tree.contains("seeds/0/figures/curve.svg"))
    #expect(tree.contains("seeds/0/artifacts/notes.txt"))
    #expect(try repo.git(["show", "\(commit):seeds/0/artifacts/notes.txt"]).output == "seed 0")
    #expect(try repo.git(["show", "\(commit):report.html"]).output.contains("src=\"data:image/svg+xml;base64,"))
  }

  @Test func notebookWithoutStepsJudgesClaimsWithoutFailedSeeds() throws {
    let repo = try ScratchRepository()
    let path = try repo.notebook("words", "# Words\n\n```claim\nid: words-only\nsays: It works.\n```\n")
    let run = repo.rigor(["run", path, "--format", "json"])
    #expect(run.status == 0, "\(run.stderr)")
    let claim = try #require(try run.documents().first?.claims.first)
    #expect(claim.tier == 1 && claim.verdict == .unchecked)
    #expect(!claim.reasons.contains { $0.contains("failed") })
  }

  @Test func badFilesAreInvalidNotebooksAtLineOne() throws {
    let repo = try ScratchRepository()
    let binary = repo.root.appendingPathComponent("Notebooks/binary.md")
    try Data([0x23, 0x00, 0xFF, 0x01]).write(to: binary)
    let latin1 = repo.root.appendingPathComponent("Notebooks/latin1.md")
    try Data([0x63, 0x61, 0x66, 0xE9, 0x0A]).write(to: latin1)
    let folder = repo.root.appendingPathComponent("Notebooks").path
    for (path, words) in [(binary.path, "binary"), (latin1.path, "UTF-8"), (folder, "directory"), (folder + "/missing.md", "no such file")] {
      let run = repo.rigor(["run", path, "--no-commit"])
      #expect(run.status == 3, "\(path)")
      #expect(run.stderr.contains(":1:1: error:") && run.stderr.contains(words), "\(run.stderr)")
    }
    let empty = try repo.notebook("empty", "")
    #expect(repo.rigor(["run", empty, "--no-commit"]).status == 0)
  }

  @Test func outsideAGitRepositoryRunStopsUnlessInit() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rigor-nogit-\(UUID().uuidString.prefix(8))")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("n.md").path
    try "# Words\n\n```claim\nid: a\nsays: b\n```\n".write(toFile: path, atomically: true, encoding: .utf8)
    let repo = try ScratchRepository()
    let refused = repo.rigor(["run", path])
    #expect(refused.status == 6)
    #expect(refused.stderr.contains("--init"))
    #expect(repo.rigor(["run", path, "--init"]).status == 0)
    #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent(".git").path))
  }

  @Test func minTierFailsTheRunWhenAClaimIsBelowIt() throws {
    let repo = try ScratchRepository()
    let path = try repo.notebook("words", "# Words\n\n```claim\nid: words-only\nsays: It works.\n```\n")
    let run = repo.rigor(["run", path, "--no-commit", "--min-tier", "2"])
    #expect(run.status == 1)
    #expect(run.stderr.contains("below --min-tier 2"))
    #expect(repo.rigor(["run", path, "--no-commit", "--min-tier", "1"]).status == 0)
    #expect(repo.rigor(["run", path, "--min-tier", "9"]).status == 2)
  }
}

/// `rigor audit` on real prose of this repository.
@Suite struct AuditCommandTests {
  static let repositoryRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  @Test func readmeAndQuickstartProseAreNotFlaggedButTheBlogPostIs() throws {
    let repo = try ScratchRepository()
    let files = ["README.md", "Notebooks/quickstart.md", "Notebooks/examples/pontification.md"]
      .map { Self.repositoryRoot.appendingPathComponent($0).path }
    let run = repo.rigor(["audit", "--format", "json"] + files)
    #expect(run.status == 0)
    let document = try JSONDecoder().decode(AuditDocument.self, from: Data(run.stdout.utf8))
    #expect(document.flags.filter { !$0.file.hasSuffix("pontification.md") }.isEmpty, "\(document.flags)")
    #expect(document.flags.filter { $0.file.hasSuffix("pontification.md") }.count == 8)
  }

  @Test func aSentenceWithACueIsFlaggedAtItsLine() throws {
    let repo = try ScratchRepository()
    let path = try repo.notebook("post", "# Post\n\nWe ran it.\nThis proves that head 2.3 is the induction head.\n")
    let run = repo.rigor(["audit", path])
    #expect(run.stdout.contains("post.md:4:"))
  }
}
