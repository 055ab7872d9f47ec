import Foundation
import Testing
@testable import RigorKit

/// A step's output reaches the user: live with `-v`, per seed in the JSON, as the last lines
/// of a failed step in the summary, and in a folder the summary names with `--no-commit`.
@Suite(.serialized) struct OutputVisibilityTests {
  static let loudNotebook = """
    ---
    seeds: 2
    ---

    # Loud

    ```swift
    for i in 0..<3 { print("seed \\(seed) line \\(i)") }
    ```

    ```swift
    print("about to divide the work")
    let parts: [Int] = []
    print(parts[seed + 1])
    ```
    """

  @Test func verboseStreamsEachSeedsLinesPrefixedBySeed() throws {
    let repo = try ScratchRepository()
    let path = try repo.notebook("loud", Self.loudNotebook)
    let run = repo.rigor(["run", path, "--no-commit", "-v", "--format", "json"])
    #expect(run.status == 5)
    for seed in 0..<2 {
      for i in 0..<3 { #expect(run.stderr.contains("[seed \(seed)] seed \(seed) line \(i)\n")) }
    }
    let quiet = repo.rigor(["run", path, "--no-commit", "--format", "json"])
    #expect(!quiet.stderr.contains("[seed 0] seed 0 line 0"))
  }

  @Test func jsonCarriesEachSeedsStepOutputAndNoCommitKeepsTheFiles() throws {
    let repo = try ScratchRepository()
    let path = try repo.notebook("loud", Self.loudNotebook)
    let run = repo.rigor(["run", path, "--no-commit", "--format", "json"])
    let document = try #require(try run.documents().first)
    #expect(document.runs.count == 2)
    for run in document.runs {
      #expect(run.steps[0].output == (0..<3).map { "seed \(run.seed) line \($0)\n" }.joined())
      #expect(run.steps[1].output?.hasPrefix("about to divide the work\n") == true)
    }
    let folder = try #require(document.outputFolder)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let kept = try String(contentsOfFile: folder + "/seeds/1/steps/1.txt", encoding: .utf8)
    #expect(kept == "seed 1 line 0\nseed 1 line 1\nseed 1 line 2\n")
    #expect(FileManager.default.fileExists(atPath: folder + "/result.json"))
  }

  @Test func textSummaryShowsTheLastLinesOfAFailedStepAndWhereOutputWasKept() throws {
    let repo = try ScratchRepository()
    let path = try repo.notebook("loud", Self.loudNotebook)
    let run = repo.rigor(["run", path, "--no-commit"])
    #expect(run.stdout.contains("last output of seed 0:\n    | about to divide the work"), "\(run.stdout)")
    #expect(!run.stdout.contains("Fatal error"))
    let kept = try #require(run.stdout.split(separator: "\n").first { $0.contains("output and files kept in") })
    let folder = try #require(kept.split(separator: " ").first { $0.hasPrefix("/") })
    #expect(FileManager.default.fileExists(atPath: folder + "/seeds/0/steps/2.txt"))
    try? FileManager.default.removeItem(atPath: String(folder))
  }
}

@Suite struct OutputExcerptTests {
  @Test func shortOutputIsKeptWholeAndEmptyIsAbsent() {
    #expect(OutputExcerpt("hi\n", droppedBytes: 0).text == "hi\n")
    #expect(OutputExcerpt("", droppedBytes: 0).text == nil)
  }

  @Test func longOutputKeepsHeadAndTailAndCountsWhatWasLeftOut() throws {
    let lines = (0..<1000).map { "line \($0)\n" }
    let output = lines.joined()
    let excerpt = OutputExcerpt(output, droppedBytes: 7, head: 100, tail: 200)
    let text = try #require(excerpt.text)
    #expect(text.hasPrefix("line 0\n"))
    #expect(text.hasSuffix("line 999\n"))
    #expect(text.utf8.count < 400)
    let kept = text.split(separator: "\n").filter { $0.hasPrefix("line ") }.map { $0 + "\n" }.joined()
    #expect(excerpt.droppedBytes == 7 + output.utf8.count - kept.utf8.count)
    #expect(text.contains("[... \(excerpt.droppedBytes) bytes of output left out ...]"))
  }

  @Test func cutsNeverSplitAUTF8Character() throws {
    let output = String(repeating: "é", count: 500)
    let text = try #require(OutputExcerpt(output, droppedBytes: 0, head: 11, tail: 11).text)
    #expect(!text.contains("\u{FFFD}"))
  }

  @Test func lastLinesStopAtTheRuntimesCrashReport() {
    let output = "a\nb\nc\nSwift/Array.swift:1: Fatal error: Index out of range\n\n*** Signal 4\n"
    #expect(OutputExcerpt.lastLines(of: output, count: 2) == ["b", "c"])
  }
}
