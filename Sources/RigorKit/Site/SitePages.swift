import Foundation

/// The HTML of the site's own pages (the reports are `HTMLReport`s). Every page carries the
/// same Content-Security-Policy and style as a report, and no script.
enum SitePages {
  static func index(_ notebooks: [SiteBuilder.NotebookSummary]) -> String {
    var html = HTMLReport.pageStart(title: "Rigor results", withContents: false)
    html += "<main><h1>Rigor results</h1>"
    html += "<p class=\"muted\">\(notebooks.count) notebook(s), every result recorded under <code>refs/rigor/*</code>.</p>"
    html += "<table class=\"notebooks\"><tr><th>notebook</th><th>results</th><th>newest</th><th>status</th><th>claims (newest result)</th></tr>"
    for notebook in notebooks {
      html += "<tr><td><a href=\"n/\(e(notebook.slug))/index.html\">\(e(notebook.name))</a></td><td>\(notebook.results)</td>"
      if let newest = notebook.newest {
        html += "<td>\(e(newest.date))<br><a href=\"n/\(e(notebook.slug))/r/\(e(newest.commit)).html\"><code>\(e(String(newest.commit.prefix(12))))</code></a></td>"
        html += "<td><span class=\"badge \(e(newest.status))\">\(e(newest.status))</span></td><td>\(claimList(newest.claims))</td>"
      } else {
        html += "<td>—</td><td>—</td><td>—</td>"
      }
      html += "</tr>"
    }
    return html + "</table></main></div></body></html>\n"
  }

  static func notebook(name: String, entries: [LogEntry], charts: [(metric: String, svg: String)], newest: RunDocument?) -> String {
    var html = HTMLReport.pageStart(title: "\(name) · Rigor results", withContents: false)
    html += "<main><p><a href=\"../../index.html\">all notebooks</a></p><h1>\(e(name))</h1>"
    if let newest {
      html += "<h2 id=\"claims\">Claims of the newest result</h2><p>\(claimList(newest.claims.map { $0 }, says: true))</p>"
      let ledger = newest.claims.flatMap { claim in
        claim.reasons.filter { $0.localizedCaseInsensitiveContains("ledger") || $0.contains("earlier run") || $0.contains("cherry") }
          .map { "\(claim.id): \($0)" }
      }
      html += "<h2 id=\"flags\">Flags</h2>"
      if ledger.isEmpty && newest.flags.isEmpty {
        html += "<p class=\"muted\">The ledger and the prose audit flag nothing in the newest result.</p>"
      } else {
        html += "<ul>" + ledger.map { "<li class=\"flag\">ledger: \(e($0))</li>" }.joined()
        html += newest.flags.map { "<li class=\"flag\">prose \(e("\($0.file):\($0.line)")): “\(e($0.cue))” in \(e($0.text))</li>" }.joined() + "</ul>"
      }
    }
    html += "<h2 id=\"history\">Metric history</h2>"
    if charts.isEmpty { html += "<p class=\"muted\">No metrics recorded.</p>" }
    for chart in charts {
      html += "<figure>\(chart.svg)<figcaption>\(e(chart.metric)): mean and 95% CI per result; dashed lines mark tier changes. <a href=\"\(e(SiteBuilder.slug(chart.metric))).svg\">SVG</a></figcaption></figure>"
    }
    html += "<h2 id=\"results\">Results, newest first</h2><table><tr><th>result</th><th>date</th><th>source</th><th>status</th><th>claims</th><th>diff</th></tr>"
    let results = entries.filter { $0.kind != "interrupted" }
    var older: [String: String] = [:]
    for (index, entry) in results.enumerated() where index + 1 < results.count { older[entry.commit] = results[index + 1].commit }
    for entry in entries {
      let source = entry.sourceCommit.map { "<code>\(e(String($0.prefix(10))))</code>\(entry.sourceDirty == true ? " dirty" : "")" } ?? "—"
      if entry.kind == "interrupted" {
        html += "<tr><td><code>\(e(String(entry.commit.prefix(12))))</code></td><td>\(e(entry.date))</td><td>\(source)</td><td>interrupted</td><td></td><td></td></tr>"
        continue
      }
      let diff = older[entry.commit].map { "<a href=\"d/\(e($0))-\(e(entry.commit)).html\">vs previous</a>" } ?? ""
      html += "<tr><td><a href=\"r/\(e(entry.commit)).html\"><code>\(e(String(entry.commit.prefix(12))))</code></a></td><td>\(e(entry.date))</td><td>\(source)</td>"
      let why = entry.unreadable.map { ": " + e($0) + "; not taken as a verdict" } ?? ""
      html += "<td><span class=\"\(e(entry.status))\">\(e(entry.status))</span>\(why)</td><td>\(claimList(entry.claims))</td><td>\(diff)</td></tr>"
    }
    return html + "</table></main></div></body></html>\n"
  }

  static func diff(name: String, slug: String, a: RecordedRun, b: RecordedRun, diff: ResultDiff) -> String {
    var html = HTMLReport.pageStart(title: "\(name): diff of two results", withContents: false)
    html += "<main><p><a href=\"../index.html\">\(e(name))</a></p><h1>\(e(name)): what changed</h1>"
    html += "<p>From <a href=\"../r/\(e(a.commit.description)).html\"><code>\(e(String(a.commit.description.prefix(12))))</code></a>"
    html += " to <a href=\"../r/\(e(b.commit.description)).html\"><code>\(e(String(b.commit.description.prefix(12))))</code></a>, as <code>rigor diff</code> says:</p>"
    return html + "<pre>\(e(diff.text))</pre></main></div></body></html>\n"
  }

  /// Claims as tier and verdict badges, each with the words too (not colour alone).
  static func claimList(_ claims: [ClaimDocument], says: Bool = false) -> String {
    claims.map { claim in
      let tier = claim.tier.map { "tier \($0)" } ?? "no tier"
      let sentence = says ? (claim.says.map { " — \(e($0))" } ?? "") : ""
      return "<span class=\"badge \(e(claim.verdict.rawValue))\">\(e(claim.id)): \(e(tier)), \(e(claim.verdict.label))</span>\(sentence)"
    }.joined(separator: says ? "<br>" : " ")
  }

  private static func e(_ text: String) -> String { MarkdownHTML.escape(text) }
}
