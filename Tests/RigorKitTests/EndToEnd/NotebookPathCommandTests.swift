import Foundation
import Testing
@testable import RigorKit

/// `show`, `diff`, `render` and `log` take a notebook path, fall back to the shipped
/// `Results/NAME/result.json` in a clone without refs/rigor/*, and make "no result" a usage error.
@Suite(.serialized) struct NotebookPathCommandTests {
  func recordTwice(_ repo: ScratchRepository) throws -> String {
    let path = try repo.notebook("metric", RunCommandTests.metricNotebook)
    #expect(repo.rigor(["run", path, "--seeds", "3"]).status == 0)
    #expect(repo.rigor(["run", path, "--seeds", "3", "--param", "offset=100"]).status == 0)
    return path
  }

  @Test func showAndDiffTakeTheNotebookPath() throws {
    let repo = try ScratchRepository()
    let path = try recordTwice(repo)
    let show = repo.rigor(["show", path, "--format", "json"])
    #expect(show.status == 0, "\(show.stderr)")
    let shown = try JSONDecoder().decode(RunDocument.self, from: Data(show.stdout.utf8))
    #expect(shown.parameters?["offset"]?.description.hasPrefix("100") == true)

    let bare = repo.rigor(["show", "--repo", repo.root.appendingPathComponent("Notebooks").path, "--format", "json"])
    #expect(bare.status == 0, "\(bare.stderr)")
    #expect(bare.stdout == show.stdout)

    let diff = repo.rigor(["diff", path])
    #expect(diff.status == 0, "\(diff.stderr)")
    #expect(diff.stdout.contains("offset"))
    let newest = try #require(shown.resultCommit)
    let against = repo.rigor(["show", path, newest, "--format", "json"])
    #expect(against.stdout == show.stdout)
  }

  @Test func freshCloneReadsTheShippedResultAndSaysSo() throws {
    let recorded = try ScratchRepository()
    let path = try recordTwice(recorded)
    let clone = try ScratchRepository()
    let clonePath = try clone.notebook("metric", try String(contentsOfFile: path, encoding: .utf8))
    try FileManager.default.copyItem(
      at: recorded.root.appendingPathComponent("Results"), to: clone.root.appendingPathComponent("Results"))

    let show = clone.rigor(["show", clonePath])
    #expect(show.status == 0, "\(show.stderr)")
    #expect(show.stderr.contains("read from Results/metric/result.json"))
    #expect(show.stdout.contains("value-positive"))
    let render = clone.rigor(["render", clonePath])
    #expect(render.status == 0)
    #expect(render.stdout.contains("<html"))
    let log = clone.rigor(["log", clonePath, "--format", "json"])
    #expect(log.status == 0)
    let document = try JSONDecoder().decode(LogDocument.self, from: Data(log.stdout.utf8))
    #expect(document.results.map(\.kind) == ["shipped"])
    #expect(document.results.first?.seeds == [0, 1, 2])
  }

  @Test func renderOfAShippedResultIsRenderedAfreshNotPassedOn() throws {
    let recorded = try ScratchRepository()
    let path = try recordTwice(recorded)
    let clone = try ScratchRepository()
    let clonePath = try clone.notebook("metric", try String(contentsOfFile: path, encoding: .utf8))
    let results = clone.root.appendingPathComponent("Results")
    try FileManager.default.copyItem(at: recorded.root.appendingPathComponent("Results"), to: results)
    // The clone is untrusted: its stored page carries a script, and a seed file is a link out.
    let stored = results.appendingPathComponent("metric/report.html")
    try "<html><script>alert('planted')</script></html>".write(to: stored, atomically: true, encoding: .utf8)
    let secret = clone.root.appendingPathComponent("secret.txt")
    try "host secret".write(to: secret, atomically: true, encoding: .utf8)
    try FileManager.default.createSymbolicLink(
      at: results.appendingPathComponent("metric/seeds/0/steps/9.txt"), withDestinationURL: secret)

    let render = clone.rigor(["render", clonePath])
    #expect(render.status == 0, "\(render.stderr)")
    #expect(!render.stdout.contains("planted"))
    #expect(!render.stdout.contains("host secret"))
    #expect(render.stdout.contains("Content-Security-Policy"))
    // Every seed's captured output is on the page, read from the shipped folder.
    for seed in 0..<3 {
      #expect(render.stdout.contains("value \(Double(seed) + 100)"), "seed \(seed)'s output is missing")
    }
  }

  @Test func noRecordedResultIsAUsageErrorSayingHowToGetOne() throws {
    let repo = try ScratchRepository()
    let path = try repo.notebook("never", RunCommandTests.metricNotebook)
    for command in [["show", path], ["render", path], ["diff", path]] {
      let outcome = repo.rigor(command)
      #expect(outcome.status == 2, "\(command): \(outcome.status) \(outcome.stderr)")
      #expect(outcome.stderr.contains("rigor run"), "\(command): \(outcome.stderr)")
    }
  }
}
