import Foundation

/// `rigor site`: a static folder over every `refs/rigor/*` of a repository, publishable as it
/// is. `index.html` lists the notebooks; `n/SLUG/index.html` shows one notebook's results,
/// metric histories (`n/SLUG/METRIC.svg`, also inline) and flags; `n/SLUG/r/COMMIT.html` is
/// each result's report and `n/SLUG/d/A-B.html` the diff of consecutive results.
///
/// Pages named after commits never change, so a rebuild skips those that exist; every other
/// file is rewritten only when its content differs.
struct SiteBuilder {
  var store: ResultStore
  var writer: SiteWriter

  struct NotebookSummary {
    var name: String
    var slug: String
    var newest: LogEntry?
    var results: Int
  }

  func build() throws {
    var summaries: [NotebookSummary] = []
    for (name, _) in try store.notebooks().sorted(by: { $0.name < $1.name }) {
      summaries.append(try buildNotebook(name))
    }
    try writer.write(SitePages.index(summaries), to: "index.html")
  }

  private func buildNotebook(_ name: String) throws -> NotebookSummary {
    let slug = Self.slug(name)
    var runs: [RecordedRun] = []
    try store.forEachRecordedRun(name: name) { run in
      if run.kind == .result || run.isInterrupted { runs.append(run) }
      return true
    }
    let newestFirst = try runs.map { try LogEntry(run: $0, metric: nil) }
    let oldestFirst = Array(newestFirst.reversed())
    let resultRuns = Array(runs.reversed()).filter { $0.kind == .result }
    // Reports and diffs: immutable, named after their commits. The store is read on this
    // thread; pages are rendered a batch at a time on every core.
    var pages = PageBatch(writer: writer)
    var previous: (run: RecordedRun, document: RunDocument?)?
    var newestDocument: RunDocument?
    for (index, run) in resultRuns.enumerated() {
      let reportPath = "n/\(slug)/r/\(run.commit.description).html"
      let diffPath = previous.map { "n/\(slug)/d/\($0.run.commit.description)-\(run.commit.description).html" }
      let needsReport = !writer.exists(reportPath)
      let needsDiff = diffPath.map { !writer.exists($0) } ?? false
      let isNewest = index == resultRuns.count - 1
      // Decode result.json only where a page needs it: a rebuild reads one or two.
      let document = needsReport || needsDiff || isNewest ? try? ResultHistory.document(of: run) : nil
      if needsReport, let document, let report = try HTMLReport.loading(run, store: store, document: document) {
        try pages.add(reportPath) { report.render() }
      } else if !needsReport {
        writer.skipImmutable()
      }
      if let diffPath, let previous {
        if !needsDiff {
          writer.skipImmutable()
        } else if let b = document, let a = previous.document ?? (try? ResultHistory.document(of: previous.run)) {
          let earlier = previous.run
          try pages.add(diffPath) { SitePages.diff(name: name, slug: slug, a: earlier, b: run, diff: ResultDiff(a: a, b: b)) }
        }
      }
      previous = (run, document)
      if isNewest { newestDocument = document }
    }
    try pages.flush()
    var charts: [(metric: String, svg: String)] = []
    for metric in MetricHistoryChart.metricNames(oldestFirst) {
      let svg = MetricHistoryChart(notebook: name, metric: metric, entries: oldestFirst).render()
      try writer.write(svg, to: "n/\(slug)/\(Self.slug(metric)).svg")
      charts.append((metric, svg))
    }
    let page = SitePages.notebook(name: name, entries: newestFirst, charts: charts, newest: newestDocument)
    try writer.write(page, to: "n/\(slug)/index.html")
    return NotebookSummary(name: name, slug: slug, newest: newestFirst.first { $0.kind != "interrupted" }, results: resultRuns.count)
  }

  /// A file-name-safe form of a notebook or metric name: letters, digits, `-`, `_`, `.` kept,
  /// `/` as `~`, anything else as `_`, never starting with a dot.
  static func slug(_ name: String) -> String {
    var out = ""
    for scalar in name.unicodeScalars {
      switch scalar {
      case "a"..."z", "A"..."Z", "0"..."9", "-", "_": out.unicodeScalars.append(scalar)
      case ".": out += out.isEmpty ? "_" : "."
      case "/": out += "~"
      default: out += "_"
      }
    }
    return out.isEmpty ? "_" : out
  }
}
