import ArgumentParser
import Foundation
import RigorStatistics

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
    var log = LogDocument(notebook: history.name, resultsRef: try ResultStore.referenceName(for: history.name), results: entries)
    if let plot {
      guard let metric else { throw CommandFailure(.usage, "--plot draws one metric's history: add --metric NAME") }
      let svg = MetricHistoryChart(notebook: history.name, metric: metric, entries: entries.reversed()).render()
      try Data(("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + svg + "\n").utf8).write(to: URL(fileURLWithPath: plot), options: .atomic)
      console.err("wrote \(plot): \(metric) over \(entries.filter { $0.kind != "interrupted" }.count) result(s)")
    }
    if common.format == .json {
      // Claims with their reasons: the summary trailers carry verdicts only.
      for index in log.results.indices where log.results[index].kind == "result" {
        try log.results[index].addReasons(from: history)
      }
      console.out(try JSONOutput.encode(log))
      return .success
    }
    if entries.isEmpty { console.out("no recorded results on \(log.resultsRef)") }
    let defaults = LogEntry.defaults(of: notebook)
    // One write for the whole listing: a thousand entries are two thousand lines.
    var text = ""
    for entry in entries {
      let source = entry.sourceCommit.map { String($0.prefix(10)) + (entry.sourceDirty == true ? "+dirty" : "") } ?? "-"
      let claims = entry.claims.map { "\($0.id)=\($0.tier == nil ? $0.verdict.rawValue : "T\($0.tierMark)")" }.joined(separator: " ")
      let metrics = entry.metrics.keys.sorted().map { "\($0) \(entry.metrics[$0]!.text)" }.joined(separator: "; ")
      text += "\(entry.commit.prefix(12))  src \(source)  \(entry.date)  \(entry.status)  \(claims)\n"
      text += "    " + entry.details(defaults: defaults) + "\n"
      if let reason = entry.unreadable { text += "    unreadable: \(reason); not taken as a verdict\n" }
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
  /// The run's parameters after overrides (nil for results recorded before they were kept).
  var parameters: [String: ParameterValue]?
  /// `verify` or `verify --fresh-seeds` when the run came from one; nil for `rigor run`.
  var origin: String?
  /// Why the result's `result.json` cannot be read (status `unreadable`); nil when it can.
  var unreadable: String?

  enum CodingKeys: String, CodingKey {
    case commit, kind, date, status, seeds, claims, metrics, parameters, origin, unreadable
    case sourceCommit = "source_commit"
    case sourceDirty = "source_dirty"
  }

  /// An entry with the run's commit, source and date, and nothing else yet.
  init(run: RecordedRun, kind: String) {
    self.init(run: run, kind: kind, sourceCommit: run.trailer(.sourceCommit), sourceDirty: run.trailer(.sourceDirty))
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
    parameters = document.parameters
    origin = document.origin
    metrics = [:]
    for (name, values) in document.metrics where metric == nil || metric == name {
      metrics[name] = MetricSummary(values.compactMap { $0 })
    }
  }

  /// "seeds 0-4; offset=100; from verify --fresh-seeds": what set this run apart.
  func details(defaults: [String: ParameterValue]?) -> String {
    var parts = ["seeds " + (seeds.isEmpty ? "-" : SeedList.describe(seeds))]
    if let parameters {
      let changed = parameters.keys.sorted().filter { !Self.same(defaults?[$0], parameters[$0]) }
      if !changed.isEmpty {
        parts.append(changed.map { "\($0)=\(parameters[$0]!)" }.joined(separator: " "))
      } else if defaults != nil {
        parts.append("default parameters")
      }
    }
    if let origin { parts.append("from \(origin)") }
    return parts.joined(separator: "; ")
  }

  /// Equal values, reading a whole-number double as its integer (JSON writes 1.0 as 1).
  static func same(_ a: ParameterValue?, _ b: ParameterValue?) -> Bool {
    func number(_ value: ParameterValue?) -> Double? {
      switch value {
      case .int(let integer)?: Double(integer)
      case .double(let double)?: double
      default: nil
      }
    }
    if let x = number(a), let y = number(b) { return x == y }
    return a == b
  }

  /// The notebook file's current parameter defaults, nil when it cannot be read.
  static func defaults(of path: String) -> [String: ParameterValue]? {
    let url = URL(fileURLWithPath: path)
    guard FileManager.default.fileExists(atPath: url.path) else { return nil }
    return NotebookValidation.validate(url: url, path: path, overrides: ParameterOverrides()).notebook?.parameters
  }

  /// Fills the claims' reasons (and older results' parameters) from the result's `result.json`.
  mutating func addReasons(from history: ResultHistory) throws {
    guard let id = try? history.store.resolve(commit), let data = try history.store.readFile("result.json", in: id),
      let document = try? JSONOutput.decode(RunDocument.self, from: data)
    else { return }
    claims = document.claims
    parameters = parameters ?? document.parameters
    origin = origin ?? document.origin
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
    let document: RunDocument?
    do {
      document = try ResultHistory.document(of: run)
    } catch let error as UnreadableResult {
      document = nil
      unreadable = error.reason
    }
    if document == nil && unreadable == nil { unreadable = "the commit has no result.json" }
    status = document?.status.rawValue ?? "unreadable"
    seeds = document?.seeds ?? []
    claims = document?.claims ?? []
    parameters = document?.parameters
    origin = document?.origin
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
