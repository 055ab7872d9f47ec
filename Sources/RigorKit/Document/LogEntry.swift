import Foundation

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
