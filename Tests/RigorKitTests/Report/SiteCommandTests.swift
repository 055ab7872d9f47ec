import Foundation
import Testing
@testable import RigorKit

/// `rigor site`, `rigor log --plot`, `rigor render` and `rigor export` on a real history (#18).
@Suite(.serialized) struct SiteCommandTests {
  static let notebook = """
    ---
    title: Site check
    seeds: 2
    ---
    # Site check

    ```swift
    let curve = (0..<5).map { Double(5 - $0) + Double(seed) * 0.1 }
    print("seed \\(seed) starts at \\(curve[0])")
    record("final", curve[4])
    figure("curve", Plot.line(y: curve, title: "Curve"))
    ```

    ```claim
    id: final-is-positive
    says: The final value is positive.
    metric: final
    expect: "> 0"
    ```
    """

  @Test func siteIndexesEveryNotebookAndRebuildsOnlyWhatChanged() throws {
    let repo = try ScratchRepository()
    let path = try repo.notebook("site", Self.notebook)
    for _ in 0..<2 {
      let run = repo.rigor(["run", path, "--format", "json"])
      #expect(run.status == 0, "\(run.stderr)")
    }
    let site = repo.root.appendingPathComponent("public")
    let first = repo.rigor(["site", "-o", site.path, "--repo", repo.root.path, "--format", "json"])
    #expect(first.status == 0, "\(first.stderr)")
    let manager = FileManager.default
    let reports = try manager.contentsOfDirectory(atPath: site.appendingPathComponent("n/site/r").path)
    #expect(reports.count == 2)
    #expect(try manager.contentsOfDirectory(atPath: site.appendingPathComponent("n/site/d").path).count == 1)
    let history = try String(contentsOf: site.appendingPathComponent("n/site/final.svg"), encoding: .utf8)
    #expect(history.hasPrefix("<svg") && history.contains("final across results of site"))
    let index = try String(contentsOf: site.appendingPathComponent("index.html"), encoding: .utf8)
    #expect(index.contains("<a href=\"n/site/index.html\">site</a>"))
    #expect(index.contains("final-is-positive: tier"))

    // A real browser: the index and a report load with an empty console.
    let loaded = try HeadlessChromium.load(site.appendingPathComponent("index.html"))
    #expect(loaded.console.isEmpty, "\(loaded.console)")
    #expect(loaded.dom.contains("final-is-positive"))
    let notebookPage = try HeadlessChromium.load(site.appendingPathComponent("n/site/index.html"))
    #expect(notebookPage.console.isEmpty, "\(notebookPage.console)")
    #expect(notebookPage.dom.contains("<svg") && notebookPage.dom.contains("vs previous"))

    let oldReport = site.appendingPathComponent("n/site/r/\(reports.sorted()[0])")
    let before = try manager.attributesOfItem(atPath: oldReport.path)[.modificationDate] as? Date
    let again = repo.rigor(["site", "-o", site.path, "--repo", repo.root.path, "--format", "json"])
    #expect(again.stdout.contains("\"written\":\"0\"") || again.stdout.contains("\"written\" : \"0\""), "\(again.stdout)")
    let third = repo.rigor(["run", path, "--format", "json"])
    #expect(third.status == 0, "\(third.stderr)")
    let rebuilt = repo.rigor(["site", "-o", site.path, "--repo", repo.root.path, "--format", "json"])
    let written = try JSONDecoder().decode([String: String].self, from: Data(rebuilt.stdout.utf8))["written"].flatMap(Int.init)
    // The new report and diff, the notebook page, its one history plot and the index.
    #expect(written == 5, "\(rebuilt.stdout)")
    #expect(try manager.attributesOfItem(atPath: oldReport.path)[.modificationDate] as? Date == before)
    #expect(try manager.contentsOfDirectory(atPath: site.appendingPathComponent("n/site/r").path).count == 3)

    // The same history from the command line, and the newest result as a page and a notebook.
    let plot = repo.root.appendingPathComponent("final.svg")
    let log = repo.rigor(["log", path, "--metric", "final", "--plot", plot.path])
    #expect(log.status == 0, "\(log.stderr)")
    let svg = try String(contentsOf: plot, encoding: .utf8)
    #expect(svg.contains("final across results of site") && svg.components(separatedBy: "<circle").count - 1 == 3)
    let rendered = repo.rigor(["render", path])
    let newest = try #require(try repo.git(["rev-parse", "refs/rigor/site"]).output.split(separator: "\n").first.map(String.init))
    #expect(rendered.stdout.contains("<td>result commit</td><td><code>\(newest)</code>"))
    #expect(rendered.stdout.contains("<figure class=\"aggregate\">"))
    let working = try String(contentsOf: repo.root.appendingPathComponent("Results/site/report.html"), encoding: .utf8)
    #expect(working.contains("<td>result commit</td><td><code>\(newest)</code></td>"))
    let stored = try repo.git(["show", "\(newest):report.html"]).output
    #expect(stored.contains(HTMLReport.resultCommitStart))
    let export = repo.rigor(["export", path, "--ipynb", "--seed", "1"])
    #expect(export.status == 0, "\(export.stderr)")
    #expect(export.stdout.contains("seed 1 starts at 5.1"))
    #expect(repo.rigor(["export", path, "--ipynb", "--seed", "7"]).status == 2)
  }
}
