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
