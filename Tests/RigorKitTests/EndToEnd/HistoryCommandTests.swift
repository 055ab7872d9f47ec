import Foundation
import Testing
@testable import RigorKit

/// `log`, `show`, `diff`, `verify`, `render`, `push` and `pull` on real recorded runs.
@Suite(.serialized) struct HistoryCommandTests {
  func recordTwice(_ repo: ScratchRepository) throws -> (path: String, first: RunDocument, second: RunDocument) {
    let path = try repo.notebook("metric", RunCommandTests.metricNotebook)
    let first = repo.rigor(["run", path, "--format", "json"])
    let second = repo.rigor(["run", path, "--format", "json", "--param", "offset=100"])
    #expect(first.status == 0 && second.status == 0, "\(first.stderr)\(second.stderr)")
    return (path, try #require(try first.documents().first), try #require(try second.documents().first))
  }

  @Test func logListsResultsNewestFirstWithMetricIntervals() throws {
    let repo = try ScratchRepository()
    let (path, first, second) = try recordTwice(repo)
    let log = repo.rigor(["log", path, "--format", "json"])
    #expect(log.status == 0)
    let document = try JSONDecoder().decode(LogDocument.self, from: Data(log.stdout.utf8))
    #expect(document.results.map(\.commit) == [second.resultCommit, first.resultCommit].compactMap { $0 })
    let value = try #require(document.results.first?.metrics["value"])
    #expect(value.mean == 102)  // seeds 0-4 + 100
    #expect(value.n == 5)
    #expect((value.ciLow ?? 999) < 102 && (value.ciHigh ?? 0) > 102)
    let limited = repo.rigor(["log", path, "--limit", "1"])
    #expect(limited.stdout.split(separator: "\n").filter { $0.contains("src") }.count == 1)
  }

  @Test func interruptedRegistrationShowsInLog() throws {
    let repo = try ScratchRepository()
    let (path, _, _) = try recordTwice(repo)
    let store = try ResultStore(discoveringFrom: repo.root)
    _ = try store.register(notebook: "metric", notebookPath: "Notebooks/metric.md", files: ["registration.json": Data("{}".utf8)], message: "killed run")
    let log = try JSONDecoder().decode(LogDocument.self, from: Data(repo.rigor(["log", path, "--format", "json"]).stdout.utf8))
    #expect(log.results.first?.kind == "interrupted")
    #expect(log.results.filter { $0.kind == "result" }.count == 2)
  }

  @Test func showFindsNewestResultAndResultForASourceCommit() throws {
    let repo = try ScratchRepository()
    try repo.notebook("metric", RunCommandTests.metricNotebook)
    _ = try repo.git(["add", "Notebooks"])
    _ = try repo.git(["-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "source"])
    let source = try repo.git(["rev-parse", "HEAD"]).output.trimmingCharacters(in: .whitespacesAndNewlines)
    let (_, first, second) = try recordTwice(repo)
    let newest = repo.rigor(["show", "--repo", repo.root.path, "--notebook", "metric", "--format", "json"])
    let shown = try JSONDecoder().decode(RunDocument.self, from: Data(newest.stdout.utf8))
    #expect(shown.resultCommit == second.resultCommit)
    let byResult = repo.rigor(["show", "--repo", repo.root.path, try #require(first.resultCommit), "--format", "json"])
    #expect(try JSONDecoder().decode(RunDocument.self, from: Data(byResult.stdout.utf8)).resultCommit == first.resultCommit)
    // The source commit was HEAD for both runs: the newest result recorded for it is the second.
    let bySource = repo.rigor(["show", "--repo", repo.root.path, source, "--notebook", "metric", "--format", "json"])
    #expect(bySource.status == 0, "\(bySource.stderr)")
    #expect(try JSONDecoder().decode(RunDocument.self, from: Data(bySource.stdout.utf8)).resultCommit == second.resultCommit)
    #expect(repo.rigor(["show", "--repo", repo.root.path, "0000000", "--notebook", "metric"]).status != 0)
  }

  @Test func diffReportsMetricChangeBeyondNoiseAndParameterChange() throws {
    let repo = try ScratchRepository()
    let (_, first, second) = try recordTwice(repo)
    let run = repo.rigor(["diff", "--repo", repo.root.path, try #require(first.resultCommit), try #require(second.resultCommit), "--notebook", "metric", "--format", "json"])
    #expect(run.status == 0, "\(run.stderr)")
    let diff = try JSONDecoder().decode(ResultDiff.self, from: Data(run.stdout.utf8))
    let value = try #require(diff.metrics.first { $0.name == "value" })
    #expect(value.difference == 99)
    #expect(value.beyondNoise == true)
    #expect(diff.parameters.map(\.field) == ["offset"])
    let same = repo.rigor(["diff", "--repo", repo.root.path, try #require(first.resultCommit), try #require(first.resultCommit), "--notebook", "metric", "--format", "json"])
    let none = try JSONDecoder().decode(ResultDiff.self, from: Data(same.stdout.utf8))
    #expect(none.metrics.allSatisfy { $0.difference == 0 && $0.beyondNoise == false })
  }

  @Test func verifyReproducesThenCatchesAChangedStep() throws {
    let repo = try ScratchRepository()
    let path = try repo.notebook("metric", RunCommandTests.metricNotebook)
    #expect(repo.rigor(["run", path]).status == 0)
    let same = repo.rigor(["verify", path, "--format", "json"])
    #expect(same.status == 0, "\(same.stdout)\(same.stderr)")
    let report = try JSONDecoder().decode(Reproduction.self, from: Data(same.stdout.utf8))
    #expect(report.reproduced)
    #expect(report.metrics.map(\.outcome) == ["identical"])
    try repo.notebook("metric", RunCommandTests.metricNotebook.replacingOccurrences(of: "Double(seed) + params.offset", with: "Double(seed) * 3 + params.offset"))
    let changed = repo.rigor(["verify", path, "--format", "json"])
    #expect(changed.status == 1)
    let changedReport = try JSONDecoder().decode(Reproduction.self, from: Data(changed.stdout.utf8))
    #expect(!changedReport.reproduced)
  }

  @Test func verifyWithFreshSeedsUsesUnusedSeedsAndKeepsVerdicts() throws {
    let repo = try ScratchRepository()
    let path = try repo.notebook("metric", RunCommandTests.metricNotebook)
    #expect(repo.rigor(["run", path]).status == 0)
    let fresh = repo.rigor(["verify", path, "--fresh-seeds", "--format", "json"])
    #expect(fresh.status == 0, "\(fresh.stdout)\(fresh.stderr)")
    let report = try JSONDecoder().decode(Reproduction.self, from: Data(fresh.stdout.utf8))
    #expect(report.claims.allSatisfy { $0.kept })
    let newest = try JSONDecoder().decode(RunDocument.self, from: Data(repo.rigor(["show", "--repo", repo.root.path, "--notebook", "metric", "--format", "json"]).stdout.utf8))
    #expect(newest.seeds == [5, 6, 7, 8, 9])
  }

  @Test func renderWritesTheReportWithClaimsAndOutput() throws {
    let repo = try ScratchRepository()
    let path = try repo.notebook("metric", RunCommandTests.metricNotebook)
    #expect(repo.rigor(["run", path]).status == 0)
    let output = repo.root.appendingPathComponent("page.html").path
    #expect(repo.rigor(["render", path, "-o", output]).status == 0)
    let html = try String(contentsOfFile: output, encoding: .utf8)
    #expect(html.contains("value-positive"))
    #expect(html.contains("supported"))
    #expect(html.contains("value 1.0"))  // seed 0's captured output of step 1
  }

  @Test func pushAndPullBetweenTwoClonesLoseNothing() throws {
    let origin = try ScratchRepository()
    let remote = origin.root.appendingPathComponent("remote.git").path
    #expect(try origin.git(["init", "-q", "--bare", remote]).status == 0)
    let a = try ScratchRepository()
    let b = try ScratchRepository()
    let pathA = try a.notebook("metric", RunCommandTests.metricNotebook)
    let pathB = try b.notebook("metric", RunCommandTests.metricNotebook)
    let runA = try #require(try a.rigor(["run", pathA, "--format", "json"]).documents().first?.resultCommit)
    let runB = try #require(try b.rigor(["run", pathB, "--format", "json"]).documents().first?.resultCommit)
    #expect(a.rigor(["push", "--repo", a.root.path, remote]).status == 0)
    let rejected = b.rigor(["push", "--repo", b.root.path, remote])
    #expect(rejected.status == 6)
    #expect(rejected.stdout.contains("REJECTED"))
    let pulled = b.rigor(["pull", "--repo", b.root.path, remote, "--format", "json"])
    #expect(pulled.stdout.contains("\"merged\""), "\(pulled.stdout)\(pulled.stderr)")
    #expect(b.rigor(["push", "--repo", b.root.path, remote]).status == 0)
    #expect(a.rigor(["pull", "--repo", a.root.path, remote]).status == 0)
    for repo in [a, b] {
      let reachable = try repo.git(["rev-list", "refs/rigor/metric"]).output
      #expect(reachable.contains(runA) && reachable.contains(runB))
      #expect(try repo.git(["fsck", "--strict"]).status == 0)
    }
  }
}

/// The ledger check reads earlier runs' verdicts from the result commits' trailers.
@Suite(.serialized) struct LedgerCheckTests {
  @Test func anEarlierRunWithFewerThanFiveSeedsIsNotComparedButTrailersAreWritten() throws {
    let repo = try ScratchRepository()
    let path = try repo.notebook("metric", RunCommandTests.metricNotebook)
    let fewRun = repo.rigor(["run", path, "--seeds", "3", "--format", "json"])
    let few = try #require(try fewRun.documents().first)
    #expect(few.claims.first?.verdict == .inconclusive, "\(fewRun.stdout)\n\(fewRun.stderr)")
    let fullRun = repo.rigor(["run", path, "--format", "json"])
    let full = try #require(try fullRun.documents().first)
    #expect(full.claims.first?.verdict == .supported, "\(fullRun.stdout)\n\(fullRun.stderr)")
    #expect(full.claims.first?.reasons.contains { $0.hasPrefix("unstable: ") } == false)
    let trailers = try repo.git(["log", "-1", "--format=%(trailers:key=Rigor-Claim,valueonly)", "refs/rigor/metric"]).output
    #expect(trailers.hasPrefix("value-positive ") && trailers.contains(" supported 5 none"), "\(trailers)")
  }

  @Test func sameParametersOnOtherSeedsWithAnotherVerdictIsUnstableAndAnotherSettingIsFishing() throws {
    let repo = try ScratchRepository()
    let path = try repo.notebook("metric", RunCommandTests.metricNotebook)
    // value = seed + offset: negative on seeds 0-4, positive on seeds 10-14.
    let first = try #require(try repo.rigor(["run", path, "--param", "offset=-7", "--format", "json"]).documents().first)
    #expect(first.claims.first?.verdict == .refuted)
    let second = try #require(
      try repo.rigor(["run", path, "--param", "offset=-7", "--seeds", "10,11,12,13,14", "--format", "json"]).documents().first)
    #expect(second.claims.first?.verdict == .supported && second.claims.first?.tier == 2)
    #expect(second.claims.first?.reasons.contains("unstable: 1 of 2 recorded runs supported (earlier: 1 refuted; this run: supported)") == true, "\(second.claims)")
    // Default offset 1: supported, after a refutation at offset -7 on the same definition.
    let third = try #require(try repo.rigor(["run", path, "--format", "json"]).documents().first)
    let reasons = third.claims.first?.reasons ?? []
    #expect(reasons.contains { $0.hasPrefix("supported in 1 of 2 recorded parameter settings (offset=-7: refuted/supported") }, "\(reasons)")
  }

  @Test func aRedefinedClaimIsCappedOnTheOldSeedsAndNotOnFreshOnes() throws {
    let repo = try ScratchRepository()
    let path = try repo.notebook("metric", RunCommandTests.metricNotebook)
    #expect(repo.rigor(["run", path]).status == 0)
    let redefined = RunCommandTests.metricNotebook.replacingOccurrences(of: "expect: \"> 0\"", with: "expect: \"> 0.5\"")
    _ = try repo.notebook("metric", redefined)
    let same = try #require(try repo.rigor(["run", path, "--format", "json"]).documents().first)
    #expect(same.claims.first?.verdict == .supported && same.claims.first?.tier == 1)
    #expect(same.claims.first?.reasons.contains("capped at tier 1: claim value-positive's definition changed after 1 recorded run on seeds 0-4; re-run on fresh seeds, e.g. --seeds 5-9, to test the new prediction") == true, "\(same.claims)")
    let fresh = try #require(try repo.rigor(["run", path, "--seeds", "5,6,7,8,9", "--format", "json"]).documents().first)
    #expect(fresh.claims.first?.tier == 2)
    // Once tested on fresh seeds, a run on the old seeds says so instead of capping.
    let again = try #require(try repo.rigor(["run", path, "--format", "json"]).documents().first)
    #expect(again.claims.first?.tier == 2)
    #expect(again.claims.first?.reasons.contains { $0.contains("the new prediction was tested on fresh seeds 5-9") } == true)
  }

  @Test func differentParametersAreNotComparedByTheLedger() throws {
    let repo = try ScratchRepository()
    let path = try repo.notebook("metric", RunCommandTests.metricNotebook)
    _ = repo.rigor(["run", path, "--seeds", "3", "--param", "offset=5"])
    let full = try #require(try repo.rigor(["run", path, "--format", "json"]).documents().first)
    #expect(full.claims.first?.reasons.contains { $0.hasPrefix("unstable: ") } == false)
  }

  @Test func checkJudgesFromTheNewestResultOfTheSameText() throws {
    let repo = try ScratchRepository()
    let path = try repo.notebook("metric", RunCommandTests.metricNotebook)
    let unchecked = try #require(try repo.rigor(["check", path, "--format", "json"]).documents().first)
    #expect(unchecked.claims.first?.verdict == .unchecked)
    let run = try #require(try repo.rigor(["run", path, "--format", "json"]).documents().first)
    let checked = try #require(try repo.rigor(["check", path, "--format", "json"]).documents().first)
    #expect(checked.claims.first?.verdict == .supported)
    #expect(checked.resultCommit == run.resultCommit)
    #expect(checked.steps.map(\.code) == ["let value = Double(seed) + params.offset\nprint(\"value\", value)\n", "record(\"value\", value)\n"])
  }
}
