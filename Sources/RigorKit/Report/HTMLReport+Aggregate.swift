import Foundation
import RigorStatistics

extension HTMLReport {
  /// For each line plot that every seed drew in `step`: one chart of the mean across seeds with
  /// its 95% t-interval band, the seeds' own curves faint behind it.
  func aggregateFigures(step: Int) -> String {
    guard document.seeds.count > 1, let first = document.seeds.first else { return "" }
    var html = ""
    for path in figurePaths(seed: first, step: step) {
      let name = (path as NSString).lastPathComponent
      let plots = document.seeds.map { files["seeds/\($0)/figures/\(name)"].flatMap(LinePlotData.init(svg:)) }
      guard let plots = plots as? [LinePlotData], let model = plots.first,
        plots.allSatisfy({ $0.series.map(\.name) == model.series.map(\.name) })
      else { continue }
      for (index, series) in model.series.enumerated() {
        let count = plots.map { $0.series[index].y.count }.min() ?? 0
        guard count > 1 else { continue }
        let stride = max(1, count / 400)
        var points: [SVGChart.Point] = []
        for i in Swift.stride(from: 0, to: count, by: stride) {
          let values = plots.map { $0.series[index].y[i] }.filter(\.isFinite)
          guard values.count > 1 else { continue }
          let interval = Statistics.tInterval(values)
          points.append(SVGChart.Point(x: series.x[i], y: interval.estimate, lower: interval.lower, upper: interval.upper))
        }
        var chart = SVGChart(title: "\(model.title.isEmpty ? name : model.title)\(series.name.isEmpty ? "" : " — \(series.name)"): mean and 95% band over \(plots.count) seeds")
        chart.points = points
        chart.faintLines = plots.map { plot in
          Swift.stride(from: 0, to: count, by: stride).map { (plot.series[index].x[$0], plot.series[index].y[$0]) }
        }
        html += "<figure class=\"aggregate\">\(chart.render())<figcaption>\(escape(name)): mean over seeds \(escape(SeedList.describe(document.seeds))) (line), 95% t-interval of the mean (band), each seed (grey)</figcaption></figure>"
      }
    }
    return html
  }
}
