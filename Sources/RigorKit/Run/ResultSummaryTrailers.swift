import Foundation

/// A result's summary carried in its commit message, so `rigor log` reads commit messages
/// instead of decoding every `result.json` (about 0.3 ms each).
///
/// Trailers: `Rigor-Summary: 1`, `Rigor-Status: ok`, `Rigor-Seeds: 0 1 2 3 4`,
/// `Rigor-Tier: ID TIER|none VERDICT` per claim and `Rigor-Metric: NAME MEAN LOW HIGH N` per metric
/// (`-` for an undefined number). Numbers are printed with 17 significant digits, so they read
/// back exactly.
enum ResultSummaryTrailers {
  static func trailers(for document: RunDocument) -> [(String, String)] {
    var trailers: [(String, String)] = [
      TrailerKey.summary.with("1"), TrailerKey.status.with(document.status.rawValue),
      TrailerKey.seeds.with(document.seeds.map(String.init).joined(separator: " ")),
    ]
    if let origin = document.origin { trailers.append(TrailerKey.origin.with(origin)) }
    if let parameters = document.parameters, !parameters.isEmpty {
      // One line: a trailer's value cannot span lines.
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
      if let data = try? encoder.encode(parameters) {
        let json = String(decoding: data, as: UTF8.self)
        if !json.contains("\n") { trailers.append(TrailerKey.parameters.with(json)) }
      }
    }
    for claim in document.claims {
      trailers.append(TrailerKey.tier.with("\(claim.id) \(claim.tier.map(String.init) ?? "none") \(claim.verdict.rawValue)"))
    }
    for name in document.metrics.keys.sorted() {
      let summary = MetricSummary((document.metrics[name] ?? []).compactMap { $0 })
      let numbers = [summary.mean, summary.ciLow, summary.ciHigh].map { $0.map(exact) ?? "-" }
      trailers.append(TrailerKey.metric.with("\(name) \(numbers.joined(separator: " ")) \(summary.n)"))
    }
    return trailers
  }

  static func exact(_ value: Double) -> String { String(format: "%.17g", value) }

  /// The log entry of a result commit that carries a summary; nil when it predates them.
  ///
  /// One pass over the trailers (the last of a repeated key wins, as `RecordedRun.trailer`
  /// reads them); only `Rigor-Tier` and `Rigor-Metric` values are split.
  static func entry(of run: RecordedRun, metric: String?) -> LogEntry? {
    var summary: String?
    var status: String?
    var seeds: String?
    var sourceCommit: String?
    var sourceDirty: String?
    var origin: String?
    var parameters: String?
    var claims: [ClaimDocument] = []
    var metrics: [String: MetricSummary] = [:]
    for trailer in run.trailers {
      switch TrailerKey(matching: trailer.key) {
      case .tier?:
        let parts = words(trailer.value)
        guard parts.count == 3, let verdict = Verdict(rawValue: parts[2]) else { continue }
        claims.append(ClaimDocument(id: parts[0], tier: Int(parts[1]), verdict: verdict, reasons: []))
      case .metric?:
        let parts = words(trailer.value)
        guard parts.count == 5, metric == nil || metric == parts[0] else { continue }
        var values = MetricSummary([])
        values.mean = Double(parts[1])
        values.ciLow = Double(parts[2])
        values.ciHigh = Double(parts[3])
        values.n = Int(parts[4]) ?? 0
        metrics[parts[0]] = values
      case .summary?: summary = trailer.value
      case .status?: status = trailer.value
      case .seeds?: seeds = trailer.value
      case .sourceCommit?: sourceCommit = trailer.value
      case .sourceDirty?: sourceDirty = trailer.value
      case .origin?: origin = trailer.value
      case .parameters?: parameters = trailer.value
      default: continue
      }
    }
    guard summary == "1" else { return nil }
    var entry = LogEntry(run: run, kind: "result", sourceCommit: sourceCommit, sourceDirty: sourceDirty)
    entry.status = status ?? "unknown"
    entry.seeds = words(seeds ?? "").compactMap { Int($0) }
    entry.claims = claims
    entry.metrics = metrics
    entry.origin = origin
    entry.parameters = parameters.flatMap { try? JSONOutput.decode([String: ParameterValue].self, from: Data($0.utf8)) }
    return entry
  }

  /// `text` split at spaces (runs of spaces give no empty words), on UTF-8 bytes: splitting a
  /// `String` by `Character` costs grapheme breaking, and `log` splits thousands of values.
  static func words(_ text: String) -> [String] {
    var words: [String] = []
    let bytes = text.utf8
    var start = bytes.startIndex
    var index = start
    while index != bytes.endIndex {
      if bytes[index] == UInt8(ascii: " ") {
        if start != index { words.append(String(text[start..<index])) }
        start = bytes.index(after: index)
      }
      index = bytes.index(after: index)
    }
    if start != bytes.endIndex { words.append(String(text[start..<bytes.endIndex])) }
    return words
  }
}
