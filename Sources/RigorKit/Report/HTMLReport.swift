import Foundation

/// The executed notebook as one self-contained HTML page (`report.html`, `rigor render`).
///
/// The page opens with where the result came from (commits, date, seeds, parameters,
/// toolchain) and a summary of the claims, then shows the prose rendered by cmark-gfm with each
/// step followed by its outputs and figures in every seed and each claim by its full card.
/// Nothing in it runs: a Content-Security-Policy forbids script, prose is rendered without raw
/// HTML, every byte of output is escaped and figures are `data:` images.
struct HTMLReport {
  var document: RunDocument
  var notebook: Notebook
  /// The result tree's files (captured output, figures), keyed by path.
  var files: [String: Data]
  /// The step that wrote each figure, by its path in `files`.
  var figureSteps: [String: Int] = [:]
  /// The commits and state the result was recorded with.
  var provenance = ReportProvenance()

  /// The policy every page carries: no script of any kind, styles only inline, images only
  /// from `data:` URIs (the figures), nothing fetched.
  static let contentSecurityPolicy =
    "default-src 'none'; script-src 'none'; object-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"

  func render() -> String {
    let title = notebook.frontMatter.title ?? notebook.path
    let body = bodyWithResults()
    var contents: [(id: String, title: String)] = [("provenance", "Provenance")]
    if !document.claims.isEmpty { contents.append(("claims", "Claims")) }
    contents += body.headings
    if !document.metrics.isEmpty { contents.append(("metrics", "Metrics")) }
    if !document.flags.isEmpty || !document.errors.isEmpty { contents.append(("problems", "Flags and errors")) }
    var html = Self.pageStart(title: title, withContents: true)
    html += "<nav class=\"toc\" aria-label=\"Contents\"><h2>Contents</h2><ol>"
    html += contents.map { "<li><a href=\"#\(escape($0.id))\">\(escape($0.title))</a></li>" }.joined()
    html += "</ol></nav>\n<main>\n"
    // The notebook's own first heading is its title; otherwise the page gives one.
    if !body.html.hasPrefix("<h1") { html += "<h1>\(escape(title))</h1>\n" }
    html += provenanceSection() + claimsSummary() + body.html + metricsTable() + problems()
    html += "</main></div></body></html>\n"
    return html
  }

  /// The page's head and the opening of its layout grid, shared with the site's pages.
  static func pageStart(title: String, withContents: Bool) -> String {
    """
    <!DOCTYPE html>
    <html lang="en"><head><meta charset="utf-8">
    <meta http-equiv="Content-Security-Policy" content="\(contentSecurityPolicy)">
    <meta name="viewport" content="width=device-width,initial-scale=1">
    <title>\(MarkdownHTML.escape(title))</title>
    <style>\(ReportStyle.css)</style></head><body>
    <div class="page\(withContents ? " with-toc" : "")">

    """
  }

  /// A figure as an `<img>` of a `data:` URI: an SVG shown as an image runs no script and
  /// loads nothing, whatever the step wrote into the file.
  static func figureImage(_ svg: Data, path: String) -> String {
    let name = (path as NSString).lastPathComponent
    return "<img class=\"figure\" alt=\"figure \(MarkdownHTML.escape(name))\" src=\"data:image/svg+xml;base64,\(svg.base64EncodedString())\">"
  }

  func escape(_ text: String) -> String { MarkdownHTML.escape(text) }
}
