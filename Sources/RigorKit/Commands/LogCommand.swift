import ArgumentParser
import Foundation
import Interp

/// `rigor log`: the notebook's result history, newest first.
struct LogCommand: RigorSubcommand {
  static let configuration = CommandConfiguration(
    commandName: "log", abstract: "Show a notebook's recorded results, newest first.")

  @Argument(help: "The notebook file.") var notebook: String
  @Option(help: "Show only this metric (mean and 95% CI over seeds).") var metric: String?
  @Option(help: "At most this many results.") var limit: Int?
  @Option(help: "Also draw --metric's history (mean and 95% CI per result, oldest first) as an SVG file.") var plot: String?
  @OptionGroup var common: CommonOptions

  func execute(_ console: Console) throws -> ExitStatus {
    let history = try ResultHistory.open(notebook: notebook)
    var entries = try history.runs(limit: limit).map { try LogEntry(run: $0, metric: metric) }
    if entries.isEmpty, limit.map({ $0 > 0 }) ?? true, try !history.hasRecordedRuns(),
      let shipped = ShippedResult.read(root: history.workspace.root, name: history.name)
    {
      console.err(shipped.note(name: history.name))
      entries = [LogEntry(shipped: shipped, metric: metric)]
    }
    let log = LogDocument(notebook: history.name, resultsRef: try ResultStore.referenceName(for: history.name), results: entries)
    if let plot {
      guard let metric else { throw CommandFailure(.usage, "--plot draws one metric's history: add --metric NAME") }
      let svg = MetricHistoryChart(notebook: history.name, metric: metric, entries: entries.reversed()).render()
      try Data(("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + svg + "\n").utf8).write(to: URL(fileURLWithPath: plot), options: .atomic)
      console.err("wrote \(plot): \(metric) over \(entries.filter { $0.kind != "interrupted" }.count) result(s)")
    }
    if common.format == .json {
      console.out(try JSONOutput.encode(log))
      return .success
    }
    if entries.isEmpty { console.out("no recorded results on \(log.resultsRef)") }
    // One write for the whole listing: a thousand entries are two thousand lines.
    var text = ""
    for entry in entries {
      let source = entry.sourceCommit.map { String($0.prefix(10)) + (entry.sourceDirty == true ? "+dirty" : "") } ?? "-"
      let claims = entry.claims.map { "\($0.id)=\($0.tier == nil ? $0.verdict : "T\($0.tierMark)")" }.joined(separator: " ")
      let metrics = entry.metrics.keys.sorted().map { "\($0) \(entry.metrics[$0]!.text)" }.joined(separator: "; ")
      text += "\(entry.commit.prefix(12))  src \(source)  \(entry.date)  \(entry.status)  \(claims)\n"
      if !metrics.isEmpty { text += "    \(metrics)\n" }
    }
    if entries.contains(where: { $0.claims.contains { !$0.restsOn.isEmpty } }) {
      text += ClaimDocument.restsOnNote + "\n"
    }
    if !text.isEmpty { console.out(text) }
    return .success
  }
}

/// `rigor log --format json`: `{"notebook", "results_ref", "results": [...]}` newest first.
struct LogDocument: Codable {
  var notebook: String
  var resultsRef: String
  var results: [LogEntry]

  enum CodingKeys: String, CodingKey {
    case notebook, results
    case resultsRef = "results_ref"
  }
}

/// One recorded run in `rigor log`.
struct LogEntry: Codable {
  var commit: String
  /// `result`, or `interrupted` for a registration whose run never finished.
  var kind: String
  var sourceCommit: String?
  var sourceDirty: Bool?
  var date: String
  var status: String
  var seeds: [Int]
  var claims: [ClaimDocument]
  var metrics: [String: MetricSummary]

  enum CodingKeys: String, CodingKey {
    case commit, kind, date, status, seeds, claims, metrics
    case sourceCommit = "source_commit"
    case sourceDirty = "source_dirty"
  }

  /// An entry with the run's commit, source and date, and nothing else yet.
  init(run: RecordedRun, kind: String) {
    self.init(run: run, kind: kind, sourceCommit: run.trailer("Source-Commit"), sourceDirty: run.trailer("Source-Dirty"))
  }

  /// The same, with the `Source-Commit` and `Source-Dirty` trailers' values already looked up.
  init(run: RecordedRun, kind: String, sourceCommit: String?, sourceDirty: String?) {
    commit = run.commit.description
    self.kind = kind
    self.sourceCommit = sourceCommit.flatMap { $0 == "none" ? nil : $0 }
    self.sourceDirty = sourceDirty.map { $0 == "true" }
    date = Format.iso8601(run.date)
    status = kind
    seeds = []
    claims = []
    metrics = [:]
  }

  /// The one entry a fresh clone has: the shipped `Results/NAME/result.json`.
  init(shipped: ShippedResult, metric: String?) {
    let document = shipped.document
    commit = document.resultCommit ?? "-"
    kind = "shipped"
    sourceCommit = nil
    sourceDirty = nil
    date = document.environment?.startedAt ?? "-"
    status = document.status.rawValue
    seeds = document.seeds
    claims = document.claims
    metrics = [:]
    for (name, values) in document.metrics where metric == nil || metric == name {
      metrics[name] = MetricSummary(values.compactMap { $0 })
    }
  }

  init(run: RecordedRun, metric: String?) throws {
    if run.isInterrupted {
      self.init(run: run, kind: "interrupted")
      return
    }
    if let summarised = ResultSummaryTrailers.entry(of: run, metric: metric) {
      self = summarised
      return
    }
    // Results recorded before summary trailers: read their result.json.
    self.init(run: run, kind: "result")
    let document = try ResultHistory.document(of: run)
    status = document?.status.rawValue ?? "unreadable"
    seeds = document?.seeds ?? []
    claims = (document?.claims ?? []).map { ClaimDocument(id: $0.id, tier: $0.tier, verdict: $0.verdict, reasons: []) }
    for (name, values) in document?.metrics ?? [:] where metric == nil || metric == name {
      metrics[name] = MetricSummary(values.compactMap { $0 })
    }
  }
}

/// A metric over seeds: mean and, with two or more seeds, its 95% Student-t interval.
struct MetricSummary: Codable, Equatable {
  var mean: Double?
  var ciLow: Double?
  var ciHigh: Double?
  var n: Int

  enum CodingKeys: String, CodingKey {
    case mean, n
    case ciLow = "ci_low"
    case ciHigh = "ci_high"
  }

  init(_ values: [Double]) {
    n = values.count
    guard !values.isEmpty else { return }
    mean = Statistics.mean(values)
    if values.count > 1 {
      let interval = Statistics.tInterval(values)
      ciLow = interval.lower
      ciHigh = interval.upper
    }
  }

  var text: String {
    guard let mean else { return "never recorded" }
    guard let ciLow, let ciHigh else { return Format.number(mean) }
    return "\(Format.number(mean)) [\(Format.number(ciLow)), \(Format.number(ciHigh))]"
  }
}
