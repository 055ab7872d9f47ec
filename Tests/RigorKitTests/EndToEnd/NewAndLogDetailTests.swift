import Foundation
import Testing
@testable import RigorKit

/// `rigor new` writes a notebook that runs as written.
@Suite(.serialized) struct NewCommandTests {
  @Test func newNotebookRunsAtOnceAndItsClaimIsJudgedAgainstItsControl() throws {
    let repo = try ScratchRepository()
    let created = repo.rigor(["new", "demo", "--repo", repo.root.path])
    #expect(created.status == 0, "\(created.stderr)")
    #expect(created.stdout.contains("Notebooks/demo.md"))
    let path = repo.root.appendingPathComponent("Notebooks/demo.md").path
    let run = repo.rigor(["run", path, "--no-commit", "--format", "json"])
    #expect(run.status == 0, "\(run.stderr)")
    let document = try #require(try run.documents().first)
    #expect(document.status == .ok)
    let claim = try #require(document.claims.first)
    #expect(claim.id == "effect-beats-control")
    #expect(claim.verdict == .supported, "\(claim.reasons)")
    #expect(document.metrics["control_mean"]?.count == 5)
  }

  @Test func existingNotebooksAndBadNamesAreUsageErrors() throws {
    let repo = try ScratchRepository()
    #expect(repo.rigor(["new", "demo", "--repo", repo.root.path]).status == 0)
    let again = repo.rigor(["new", "demo", "--repo", repo.root.path])
    #expect(again.status == 2)
    #expect(again.stderr.contains("already exists"))
    for bad in ["../escape", "a//b", "x.md", "/abs", "sp ace"] {
      #expect(repo.rigor(["new", bad, "--repo", repo.root.path]).status == 2, "\(bad)")
    }
    #expect(repo.rigor(["new", "sub/deeper", "--repo", repo.root.path]).status == 0)
    #expect(FileManager.default.fileExists(atPath: repo.root.appendingPathComponent("Notebooks/sub/deeper.md").path))
  }
}

/// `rigor log` shows what set each result apart: parameters, seeds, and verify runs.
@Suite(.serialized) struct LogDetailTests {
  @Test func logShowsChangedParametersSeedsAndVerifyOriginAndJsonCarriesReasons() throws {
    let repo = try ScratchRepository()
    let path = try repo.notebook("metric", RunCommandTests.metricNotebook)
    #expect(repo.rigor(["run", path, "--seeds", "3"]).status == 0)
    #expect(repo.rigor(["run", path, "--seeds", "3", "--param", "offset=100"]).status == 0)
    // Whether it reproduces is verify's business; here only that it is recorded as from verify.
    _ = repo.rigor(["verify", path, "--fresh-seeds"])
    let text = repo.rigor(["log", path]).stdout
    let details = text.split(separator: "\n").filter { $0.hasPrefix("    seeds") }
    #expect(details.count == 3, "\(text)")
    #expect(details[0].contains("offset=100") && details[0].contains("from verify --fresh-seeds"), "\(text)")
    #expect(details[1].contains("seeds 0-2; offset=100"))
    #expect(details[2].contains("default parameters") && !details[2].contains("from verify"))

    let json = repo.rigor(["log", path, "--format", "json"])
    let log = try JSONDecoder().decode(LogDocument.self, from: Data(json.stdout.utf8))
    #expect(log.results.first?.origin == "verify --fresh-seeds")
    #expect(log.results.map { $0.parameters?["offset"]?.description.hasPrefix("100") } == [true, true, false])
    #expect(log.results.allSatisfy { $0.claims.allSatisfy { !$0.reasons.isEmpty } })
  }
}
