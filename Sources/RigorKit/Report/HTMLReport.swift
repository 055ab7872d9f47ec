import Foundation

/// The executed notebook as one self-contained HTML page (`report.html`, `rigor render`).
///
/// Prose is rendered by cmark-gfm; each step is followed by its status over seeds and seed 0's
/// captured output; figures are inlined as SVG; claims carry their tier, verdict and reasons.
struct HTMLReport {
  var document: RunDocument
  var notebook: Notebook
  /// The result tree's files (captured output, figures), keyed by path.
  var files: [String: Data]
  /// The step that wrote each figure, by its path in `files`.
  var figureSteps: [String: Int] = [:]

  func render() -> String {
    let title = notebook.frontMatter.title ?? notebook.path
    var html = """
      <!DOCTYPE html>
      <html lang="en"><head><meta charset="utf-8">
      <meta http-equiv="Content-Security-Policy" content="\(Self.contentSecurityPolicy)">
      <title>\(escape(title))</title>
      <style>
      body{font:16px/1.5 system-ui,sans-serif;max-width:52rem;margin:2rem auto;padding:0 1rem;color:#222}
      pre{background:#f6f8fa;padding:.75rem;overflow:auto;font-size:13px}
      .out{background:#fff;border-left:3px solid #ccc}
      .status{font-size:13px;color:#555}.failed,.timed_out,.refuted{color:#b00020}.ok,.supported{color:#116611}
      .claim{border:1px solid #ddd;border-radius:6px;padding:.5rem 1rem;margin:1rem 0}
      .flag{background:#fff4d6}
      table{border-collapse:collapse}td,th{border:1px solid #ddd;padding:.25rem .5rem;font-size:14px}
      </style></head><body>
      <p class="status">\(escape(document.notebook)) · status <span class="\(document.status.rawValue)">\(document.status.rawValue)</span> · seeds \(escape(SeedList.describe(document.seeds)))\(document.resultCommit.map { " · result \(escape(String($0.prefix(12))))" } ?? "")</p>

      """
    html += bodyWithResults()
    html += metricsTable()
    html += "</body></html>\n"
    return html
  }

  /// The policy every page carries: no script of any kind, styles only inline, images only
  /// from `data:` URIs (the figures), nothing fetched.
  static let contentSecurityPolicy =
    "default-src 'none'; script-src 'none'; object-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"

  /// The notebook's prose as safe HTML with each step's results and each claim's verdict after
  /// the top-level block that holds it.
  private func bodyWithResults() -> String {
    var lines = notebook.text.components(separatedBy: "\n")
    if notebook.frontMatter.bodyStartLine > 1 {
      for i in 0..<min(notebook.frontMatter.bodyStartLine - 1, lines.count) { lines[i] = "" }
    }
    let source = MarkdownDocument(lines.joined(separator: "\n"))
    let codeBlocks = source.codeBlocks()
    var insertions: [(line: Int, html: String)] = []
    for step in notebook.steps {
      guard let block = codeBlocks.first(where: { $0.contentLine == step.line }) else { continue }
      insertions.append((block.endLine, stepResults(step)))
    }
    for block in codeBlocks where block.language == "claim" {
      insertions.append((block.endLine, claimResult(yaml: block.literal)))
    }
    var html = ""
    var pending = insertions.sorted { $0.line < $1.line }[...]
    for block in source.safeHTMLBlocks() {
      html += block.html
      while let next = pending.first, next.line <= block.endLine {
        html += next.html + "\n"
        pending = pending.dropFirst()
      }
    }
    return html + pending.map(\.html).joined(separator: "\n")
  }

  private func stepResults(_ step: NotebookStep) -> String {
    let status = document.steps.first { $0.index == step.index }?.status?.rawValue ?? "not run"
    var html = "<div class=\"status\">step \(step.index): <span class=\"\(status)\">\(status)</span></div>"
    guard let seed = document.seeds.first else { return html }
    if let output = files["seeds/\(seed)/steps/\(step.index).txt"], !output.isEmpty {
      html += "<pre class=\"out\">\(escape(String(decoding: output.prefix(20_000), as: UTF8.self)))</pre>"
    }
    for (path, data) in files.sorted(by: { $0.key < $1.key })
    where path.hasPrefix("seeds/\(seed)/figures/") && path.hasSuffix(".svg") {
      if figureStep(path: path) == step.index { html += "<figure>\(Self.figureImage(data, path: path))</figure>" }
    }
    return html
  }

  /// A figure as an `<img>` of a `data:` URI: an SVG shown as an image runs no script and
  /// loads nothing, whatever the step wrote into the file.
  static func figureImage(_ svg: Data, path: String) -> String {
    let name = (path as NSString).lastPathComponent
    return "<img class=\"figure\" alt=\"figure \(MarkdownHTML.escape(name))\" src=\"data:image/svg+xml;base64,\(svg.base64EncodedString())\">"
  }

  /// Figures are placed after the step that wrote them, else after the last step.
  private func figureStep(path: String) -> Int {
    figureSteps[path] ?? notebook.steps.last?.index ?? 0
  }

  private func claimResult(yaml: String) -> String {
    let id = yaml.split(separator: "\n").first { $0.hasPrefix("id:") }
      .map { $0.dropFirst(3).trimmingCharacters(in: .whitespaces) }
    guard let id, let claim = document.claims.first(where: { $0.id == id }) else { return "" }
    let tier = claim.tier.map { "tier \($0)" } ?? "no tier"
    let reasons = claim.reasons.map { "<li>\(escape($0))</li>" }.joined()
    return "<div class=\"claim\" id=\"\(escape(id))\"><b>\(escape(id))</b>: <span class=\"\(claim.verdict)\">\(claim.verdict), \(tier)</span><ul>\(reasons)</ul></div>"
  }

  private func metricsTable() -> String {
    guard !document.metrics.isEmpty else { return "" }
    var html = "<h2>Metrics</h2><table><tr><th>metric</th>"
    html += document.seeds.map { "<th>seed \($0)</th>" }.joined() + "<th>mean</th></tr>"
    for name in document.metrics.keys.sorted() {
      let values = document.metrics[name] ?? []
      html += "<tr><td>\(escape(name))</td>"
      html += values.map { "<td>\($0.map(Format.number) ?? "—")</td>" }.joined()
      html += "<td>\(escape(Format.summary(values.compactMap { $0 })))</td></tr>"
    }
    return html + "</table>"
  }

  private func escape(_ text: String) -> String { MarkdownHTML.escape(text) }
}
