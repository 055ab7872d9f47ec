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
      ("Rigor-Summary", "1"), ("Rigor-Status", document.status.rawValue),
      ("Rigor-Seeds", document.seeds.map(String.init).joined(separator: " ")),
    ]
    for claim in document.claims {
      trailers.append(("Rigor-Tier", "\(claim.id) \(claim.tier.map(String.init) ?? "none") \(claim.verdict)"))
    }
    for name in document.metrics.keys.sorted() {
      let summary = MetricSummary((document.metrics[name] ?? []).compactMap { $0 })
      let numbers = [summary.mean, summary.ciLow, summary.ciHigh].map { $0.map(exact) ?? "-" }
      trailers.append(("Rigor-Metric", "\(name) \(numbers.joined(separator: " ")) \(summary.n)"))
    }
    return trailers
  }

  static func exact(_ value: Double) -> String { String(format: "%.17g", value) }

  /// The log entry of a result commit that carries a summary; nil when it predates them.
  static func entry(of run: RecordedRun, metric: String?) -> LogEntry? {
    guard run.trailer("Rigor-Summary") == "1" else { return nil }
    var entry = LogEntry(run: run, kind: "result")
    entry.status = run.trailer("Rigor-Status") ?? "unknown"
    entry.seeds = (run.trailer("Rigor-Seeds") ?? "").split(separator: " ").compactMap { Int($0) }
    for trailer in run.trailers {
      let parts = trailer.value.split(separator: " ").map(String.init)
      switch trailer.key {
      case "Rigor-Tier" where parts.count == 3:
        entry.claims.append(ClaimDocument(id: parts[0], tier: Int(parts[1]), verdict: parts[2], reasons: []))
      case "Rigor-Metric" where parts.count == 5 && (metric == nil || metric == parts[0]):
        var summary = MetricSummary([])
        summary.mean = Double(parts[1])
        summary.ciLow = Double(parts[2])
        summary.ciHigh = Double(parts[3])
        summary.n = Int(parts[4]) ?? 0
        entry.metrics[parts[0]] = summary
      default:
        continue
      }
    }
    return entry
  }
}
