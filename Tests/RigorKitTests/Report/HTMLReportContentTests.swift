import Foundation
import Interp
import Testing
@testable import RigorKit

/// What a reader needs from report.html (#18): provenance, a claims summary, every seed.
@Suite struct HTMLReportContentTests {
  static let text = """
    ---
    title: Page
    params:
      steps: 10
      rate: 0.5
    ---
    # Page

    See [the claim](#loss-falls) for the verdict.

    ```swift
    print("seed \\(seed)")
    ```

    ```claim
    id: loss-falls
    says: The loss falls.
    expect: "loss < 1"
    ```
    """

  static func page(seeds: [Int] = [0, 1, 2], files: [String: Data]? = nil, resultCommit: String? = nil) -> String {
    let notebook = ReportFixture.notebook(text)
    var document = ReportFixture.document(for: notebook, seeds: seeds)
    document.parameters = ["steps": .int(20), "rate": .double(0.5)]
    document.claims = [
      ClaimDocument(
        id: "loss-falls", tier: 2, verdict: .supported,
        reasons: ["expect 'loss' < 1: mean 0.4, 95% CI [0.3, 0.5] over 3 seeds: holds", "pre-registered"],
        says: "The loss falls.")
    ]
    document.environment = EnvironmentDocument(
      swiftVersion: "Swift version 6.3.1", os: "Debian", cpu: "cpu", cores: 2, blas: "OpenBLAS", blasThreadsPerSeed: 1,
      interpTree: "1538dde60fd84677b340f91c0ce693021f4dbca1", packages: [:], jobs: 2, wallSeconds: 1, startedAt: "2026-12-06T04:00:00Z")
    var outputs: [String: Data] = [:]
    for seed in seeds { outputs["seeds/\(seed)/steps/1.txt"] = Data("output of seed \(seed)\n".utf8) }
    let provenance = ReportProvenance(
      registrationCommit: "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", resultCommit: resultCommit,
      sourceCommit: "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb", sourceDirty: true)
    return HTMLReport(document: document, notebook: notebook, files: files ?? outputs, provenance: provenance).render()
  }

  @Test func headerNamesCommitsDateSeedsToolchainAndMarksOverrides() {
    let page = Self.page()
    #expect(page.contains("registration <code>aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa</code>"))
    #expect(page.contains("<code>bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb</code> (dirty"))
    #expect(page.contains("2026-12-06T04:00:00Z"))
    #expect(page.contains("<td>seeds</td><td>0-2</td>"))
    #expect(page.contains("Swift version 6.3.1") && page.contains("1538dde60fd84677b340f91c0ce693021f4dbca1"))
    #expect(page.contains("<td><code>steps</code></td><td><code>20</code></td><td><b>override</b> (default 10)</td>"))
    #expect(page.contains("<td><code>rate</code></td><td><code>0.5</code></td><td></td>"))
  }

  @Test func committedPageLeavesTheResultCommitToBeFilledIn() {
    let stored = Data(Self.page().utf8)
    #expect(String(decoding: stored, as: UTF8.self).contains(HTMLReport.resultCommitStart))
    let filled = String(decoding: HTMLReport.fillingResultCommit(stored, commit: "cccccccccccccccccccccccccccccccccccccccc"), as: UTF8.self)
    #expect(filled.contains("<td>result commit</td><td><code>cccccccccccccccccccccccccccccccccccccccc</code></td>"))
    #expect(!filled.contains(HTMLReport.resultCommitStart))
    let rendered = Self.page(resultCommit: "dddddddddddddddddddddddddddddddddddddddd")
    #expect(rendered.contains("<code>dddddddddddddddddddddddddddddddddddddddd</code> (registration"))
  }

  @Test func claimsSummaryLinksToTheCardAndProseLinksShowTheVerdict() throws {
    let page = Self.page()
    let summary = try #require(page.range(of: "<section id=\"claims\"").map { String(page[$0.lowerBound...].prefix(1200)) })
    #expect(summary.contains("<a href=\"#claim-loss-falls\">loss-falls</a>"))
    #expect(summary.contains("<td>The loss falls.</td>"))
    #expect(summary.contains("tier 2"))
    #expect(summary.contains("mean 0.4, 95% CI [0.3, 0.5]"))
    #expect(page.contains("<div class=\"claim supported\" id=\"claim-loss-falls\">"))
    #expect(page.contains("<a href=\"#claim-loss-falls\">the claim</a><span class=\"claimref badge supported\">supported, tier 2</span>"))
    // A link written with the bare id is rewritten to the anchor and annotated once, not twice.
    #expect(page.components(separatedBy: "claimref badge").count == 2)
    // The summary comes before the prose.
    let summaryAt = try #require(page.range(of: "id=\"claims\"")).lowerBound
    let proseAt = try #require(page.range(of: "See <a")).lowerBound
    #expect(summaryAt < proseAt)
  }

  @Test func everySeedsOutputIsInItsOwnFoldableSection() {
    let page = Self.page()
    for seed in 0...2 {
      #expect(page.contains("<summary>seed \(seed) · <span class=\"ok\">ok</span>"))
      #expect(page.contains("<pre class=\"out\">output of seed \(seed)\n</pre>"))
    }
    #expect(page.components(separatedBy: "<details open>").count == 2)
  }

  @Test func linePlotsOfEverySeedGetAnAggregateFigure() throws {
    var files: [String: Data] = [:]
    let curves: [[Double]] = [[3, 2, 1], [3.2, 2.2, 1.2], [2.8, 1.8, 0.8]]
    for (seed, curve) in curves.enumerated() {
      files["seeds/\(seed)/figures/loss.svg"] = Data(Plot.line(y: curve, title: "Loss").svg.utf8)
    }
    let page = Self.page(files: files)
    #expect(page.contains("<figure class=\"aggregate\"><svg"))
    #expect(page.contains("Loss: mean and 95% band over 3 seeds"))
    // The mean curve is drawn: 3 points, first at the mean 3.0 of the three seeds' first values.
    let data = try #require(LinePlotData(svg: files["seeds/1/figures/loss.svg"]!))
    #expect(data.series.first?.y == [3.2, 2.2, 1.2])
    #expect(data.title == "Loss")
  }

  @Test func linePlotDataIgnoresWhatDoesNotParse() {
    #expect(LinePlotData(svg: Data("<svg><metadata class=\"rigor-series\">a\tx\t1</metadata></svg>".utf8)) == nil)
    #expect(LinePlotData(svg: Data("<svg><metadata class=\"rigor-series\">".utf8)) == nil)
    #expect(LinePlotData(svg: Data(Plot.heatmap([[1, 2], [3, 4]]).svg.utf8)) == nil)
  }

  @Test func tierBadgeCarriesTheRestsOnMark() {
    let notebook = ReportFixture.notebook(Self.text)
    var document = ReportFixture.document(for: notebook)
    document.claims = [
      ClaimDocument(id: "loss-falls", tier: 3, verdict: .supported, reasons: [], restsOn: ["task"]),
      ClaimDocument(id: "other", tier: 2, verdict: .supported, reasons: [], restsOn: []),
    ]
    let page = HTMLReport(document: document, notebook: notebook, files: [:]).render()
    #expect(page.contains("tier 3<abbr title=\"\(MarkdownHTML.escape(ClaimDocument.restsOnNote))\">\u{2020}</abbr><span class=\"muted\"> rests on task</span>"))
    #expect(page.contains("<span class=\"badge tier\">tier 2</span>"))
  }

  @Test func tableOfContentsListsSections() {
    let page = Self.page()
    #expect(page.contains("<nav class=\"toc\" aria-label=\"Contents\">"))
    #expect(page.contains("<a href=\"#provenance\">Provenance</a>") && page.contains("<a href=\"#claims\">Claims</a>"))
  }
}
