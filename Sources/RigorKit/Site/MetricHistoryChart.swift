import Foundation

/// The history of one metric across a notebook's recorded results: the mean and 95% interval
/// of each result (x = result order, oldest first), ticks labelled with source commits, and
/// dashed markers where a claim's tier changed. Shared by `rigor site` and `rigor log --plot`.
struct MetricHistoryChart {
  var notebook: String
  var metric: String
  /// Results oldest first (interrupted runs left out by the caller or skipped here).
  var entries: [LogEntry]

  func render() -> String {
    let results = entries.filter { $0.kind != "interrupted" }
    var chart = SVGChart(title: "\(metric) across results of \(notebook)")
    chart.xLabel = "result (oldest → newest), labelled with the source commit"
    chart.yLabel = metric
    chart.width = 760
    chart.drawsBand = false
    chart.drawsMarkers = true
    var previousTiers: [String: Int?] = [:]
    for (index, entry) in results.enumerated() {
      let x = Double(index + 1)
      if let summary = entry.metrics[metric], let mean = summary.mean {
        chart.points.append(SVGChart.Point(x: x, y: mean, lower: summary.ciLow, upper: summary.ciHigh))
      }
      var changes: [String] = []
      for claim in entry.claims {
        if let before = previousTiers[claim.id], before != claim.tier {
          changes.append("\(claim.id) \(before.map { "T\($0)" } ?? "none")→\(claim.tier.map { "T\($0)" } ?? "none")")
        }
        previousTiers[claim.id] = claim.tier
      }
      if !changes.isEmpty { chart.markers.append((x, changes.joined(separator: ", "))) }
    }
    chart.xTickLabels = results.enumerated().map { index, entry in
      (Double(index + 1), entry.sourceCommit.map { String($0.prefix(7)) + (entry.sourceDirty == true ? "+" : "") } ?? "#\(index + 1)")
    }
    return chart.render()
  }

  /// The metric names any of `entries` recorded, sorted.
  static func metricNames(_ entries: [LogEntry]) -> [String] {
    Array(Set(entries.flatMap { $0.metrics.keys })).sorted()
  }
}
