import Foundation
import Testing
@testable import RigorKit

/// report.html of a shipped notebook as a real browser sees it (#18): headless Chromium's DOM
/// has the header, the claims summary, every seed's output and the figures, and the console
/// stays empty (no script error, no refused resource).
@Suite(.serialized) struct BrowserTests {
  @Test func consoleCheckSeesAScriptTheyRefuse() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rigor-browser-\(UUID().uuidString.prefix(8))")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let page = folder.appendingPathComponent("control.html")
    try (HTMLReport.pageStart(title: "control", withContents: false) + "<script>console.log('ran')</script></div></body></html>")
      .write(to: page, atomically: true, encoding: .utf8)
    let loaded = try HeadlessChromium.load(page)
    #expect(loaded.dom.contains("<title>control</title>"))
    #expect(loaded.console.contains { $0.contains("Content Security Policy") }, "\(loaded.console)")
    #expect(!loaded.console.contains { $0.contains("\"ran\"") })
  }

  @Test func shippedReportShowsHeaderClaimsEverySeedAndFiguresWithoutConsoleErrors() throws {
    let result = try #require(try ShippedResult.load("quickstart"))
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rigor-browser-\(UUID().uuidString.prefix(8))")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let page = folder.appendingPathComponent("report.html")
    try result.report().write(to: page, atomically: true, encoding: .utf8)
    let loaded = try HeadlessChromium.load(page)
    #expect(loaded.console.isEmpty, "\(loaded.console)")
    let dom = loaded.dom
    for field in ["notebook", "result commit", "date", "seeds", "Rigor", "toolchain", "core (Interp tree)", "checkpoints"] {
      #expect(dom.contains("<td>\(field)</td>"), "header field \(field)")
    }
    #expect(dom.contains(result.document.environment?.startedAt ?? "no date"))
    for claim in result.document.claims {
      #expect(dom.contains("<a href=\"#claim-\(claim.id)\">\(claim.id)</a>"))
      #expect(dom.contains("id=\"claim-\(claim.id)\""))
    }
    for seed in result.document.seeds {
      let output = String(decoding: try #require(result.files["seeds/\(seed)/steps/1.txt"]), as: UTF8.self)
      #expect(dom.contains("<summary>seed \(seed) · "))
      #expect(dom.contains(MarkdownHTML.escape(output).replacingOccurrences(of: "&#39;", with: "'")), "seed \(seed)'s output")
      #expect(dom.contains("alt=\"figure training_loss.svg\""), "seed \(seed)'s figure")
    }
    #expect(dom.contains("<figure class=\"aggregate\"><svg"))
    #expect(!dom.contains("<script"))
    if let shots = ProcessInfo.processInfo.environment["RIGOR_SCREENSHOTS"] {
      try HeadlessChromium.screenshot(page, to: URL(fileURLWithPath: shots + "/report-wide.png"), width: 1400)
      try HeadlessChromium.screenshot(page, to: URL(fileURLWithPath: shots + "/report-phone.png"), width: 390)
    }
  }
}
