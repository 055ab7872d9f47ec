import Foundation
import Testing
@testable import RigorKit

/// A report is opened by whoever the notebook is shared with: nothing in a notebook, its output
/// or its figures may run script in it (#12 item 3).
@Suite struct HTMLReportSafetyTests {
  @Test func proseScriptIsShownAsText() {
    let page = ReportFixture.report("""
      # Title

      <script>alert(document.cookie)</script>

      Inline <img src=x onerror="alert(1)"> and [a link](javascript:alert(2)).
      """)
    #expect(ScriptVectors.find(in: page).isEmpty, "\(ScriptVectors.find(in: page))")
    #expect(page.contains("&lt;script&gt;alert(document.cookie)&lt;/script&gt;"))
  }

  @Test func figureRewrittenWithScriptIsEmbeddedAsAnImage() throws {
    let hostile = """
      <svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script>\
      <foreignObject><iframe src="javascript:alert(3)"></iframe></foreignObject></svg>
      """
    let page = ReportFixture.report(
      "```swift\nprint(1)\n```\n", files: ["seeds/0/figures/plot.svg": Data(hostile.utf8)])
    #expect(ScriptVectors.find(in: page).isEmpty, "\(ScriptVectors.find(in: page))")
    // Still shown: as an image, where an SVG runs no script.
    #expect(page.contains("<img class=\"figure\" alt=\"figure plot.svg\" src=\"data:image/svg+xml;base64,\(Data(hostile.utf8).base64EncodedString())\">"))
  }

  @Test func carriageReturnsInOutputStayInsideTheirPre() throws {
    let output = "loss 0.5\r\r[click](javascript:alert(1))\r\r<img src=x onerror=alert(2)>\r\n\u{0}\u{1b}[31m"
    let page = ReportFixture.report(
      "```swift\nprint(1)\n```\n", files: ["seeds/0/steps/1.txt": Data(output.utf8)])
    #expect(ScriptVectors.find(in: page).isEmpty, "\(ScriptVectors.find(in: page))")
    #expect(!page.contains("\r") && !page.contains("\u{0}") && !page.contains("\u{1b}"))
    #expect(page.contains("loss 0.5\u{240D}\u{240D}[click](javascript:alert(1))"))
  }

  @Test func everyPageForbidsScriptByContentSecurityPolicy() throws {
    let page = ReportFixture.report("# Nothing\n")
    let meta = page.range(
      of: "<meta http-equiv=\"Content-Security-Policy\" content=\"[^\"]*\">", options: .regularExpression)
    let policy = try #require(meta.map { String(page[$0]) })
    #expect(policy.contains("default-src 'none'"))
    #expect(policy.contains("script-src 'none'"))
  }

  @Test func escapeShowsControlCharactersAndQuotes() {
    #expect(MarkdownHTML.escape("a\r\"b'<c>&\u{7}\n\t") == "a\u{240D}&quot;b&#39;&lt;c&gt;&amp;\u{2407}\n\t")
  }

  @Test func markdownStillRendersStructure() {
    let html = MarkdownHTML.render("# Head\n\nSome *emphasis* and [a link](https://example.org).\n")
    #expect(html.contains("<h1>Head</h1>"))
    #expect(html.contains("<em>emphasis</em>"))
    #expect(html.contains("<a href=\"https://example.org\">a link</a>"))
  }
}
