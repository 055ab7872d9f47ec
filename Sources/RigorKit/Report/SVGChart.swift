import Foundation

/// A small line chart drawn as inline SVG for reports and the site: a mean line with a shaded
/// 95% band, optional faint lines behind it, points with interval bars, and labelled markers.
///
/// Every text is escaped and the markup holds no script, style sheet or link. Colours are from
/// the Okabe-Ito palette; the band and bars are also told apart by shape, not colour alone.
struct SVGChart {
  struct Point {
    var x: Double
    var y: Double
    var lower: Double?
    var upper: Double?
  }

  var title: String
  var xLabel = ""
  var yLabel = ""
  var width = 640.0
  var height = 320.0
  /// Thin grey lines drawn first (one per seed).
  var faintLines: [[(x: Double, y: Double)]] = []
  /// The main series; with `lower`/`upper` a band (`bandStyle`) or interval bars.
  var points: [Point] = []
  var drawsBand = true
  var drawsMarkers = false
  /// Labels placed under chosen x positions instead of numbers (e.g. source commits).
  var xTickLabels: [(x: Double, label: String)]? = nil
  /// Vertical dashed lines with a label (e.g. a tier change).
  var markers: [(x: Double, label: String)] = []

  private let left = 64.0, right = 16.0, top = 34.0, bottom = 58.0

  func render() -> String {
    let values = points.flatMap { [$0.y, $0.lower, $0.upper].compactMap { $0 } } + faintLines.flatMap { $0.map(\.y) }
    let finiteY = values.filter(\.isFinite)
    let xs = (points.map(\.x) + faintLines.flatMap { $0.map(\.x) }).filter(\.isFinite)
    var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 \(n(width)) \(n(height))\" width=\"\(n(width))\" height=\"\(n(height))\" role=\"img\" aria-label=\"\(esc(title))\">"
    svg += "<title>\(esc(title))</title><rect width=\"\(n(width))\" height=\"\(n(height))\" fill=\"#fff\"/>"
    svg += "<text x=\"\(n(width / 2))\" y=\"20\" text-anchor=\"middle\" font-size=\"14\" font-weight=\"bold\">\(esc(title))</text>"
    guard let yMin = finiteY.min(), let yMax = finiteY.max(), let xMin = xs.min(), let xMax = xs.max() else {
      return svg + "<text x=\"\(n(width / 2))\" y=\"\(n(height / 2))\" text-anchor=\"middle\">no finite values</text></svg>"
    }
    let yTicks = Self.niceTicks(yMin, yMax)
    let yLow = min(yMin, yTicks.first ?? yMin), yHigh = max(yMax, yTicks.last ?? yMax)
    let ySpan = yHigh > yLow ? yHigh - yLow : 1
    let xSpan = xMax > xMin ? xMax - xMin : 1
    let plotWidth = width - left - right, plotHeight = height - top - bottom
    func px(_ x: Double) -> Double { left + (xMax > xMin ? (x - xMin) / xSpan * plotWidth : plotWidth / 2) }
    func py(_ y: Double) -> Double { top + plotHeight - (y - (yHigh > yLow ? yLow : yLow - 0.5)) / ySpan * plotHeight }
    // Axes and y grid.
    for tick in yTicks where tick >= yLow && tick <= yHigh {
      svg += "<line x1=\"\(n(left))\" x2=\"\(n(width - right))\" y1=\"\(n(py(tick)))\" y2=\"\(n(py(tick)))\" stroke=\"#e3e3e3\"/>"
      svg += "<text x=\"\(n(left - 6))\" y=\"\(n(py(tick) + 4))\" text-anchor=\"end\" font-size=\"11\">\(esc(Format.number(tick)))</text>"
    }
    svg += "<path d=\"M\(n(left)) \(n(top))V\(n(top + plotHeight))H\(n(width - right))\" fill=\"none\" stroke=\"#555\"/>"
    if let labels = xTickLabels {
      let step = max(1, labels.count / 10)
      for (index, tick) in labels.enumerated() where index % step == 0 || index == labels.count - 1 {
        svg += "<text x=\"\(n(px(tick.x)))\" y=\"\(n(top + plotHeight + 14))\" text-anchor=\"middle\" font-size=\"10\">\(esc(tick.label))</text>"
      }
    } else {
      for tick in Self.niceTicks(xMin, xMax) where tick >= xMin && tick <= xMax {
        svg += "<text x=\"\(n(px(tick)))\" y=\"\(n(top + plotHeight + 14))\" text-anchor=\"middle\" font-size=\"11\">\(esc(Format.number(tick)))</text>"
      }
    }
    if !xLabel.isEmpty {
      svg += "<text x=\"\(n(left + plotWidth / 2))\" y=\"\(n(height - 22))\" text-anchor=\"middle\" font-size=\"12\">\(esc(xLabel))</text>"
    }
    if !yLabel.isEmpty {
      svg += "<text transform=\"translate(14 \(n(top + plotHeight / 2))) rotate(-90)\" text-anchor=\"middle\" font-size=\"12\">\(esc(yLabel))</text>"
    }
    for line in faintLines {
      let finite = line.filter { $0.x.isFinite && $0.y.isFinite }
      guard finite.count > 1 else { continue }
      svg += "<path d=\"\(path(finite.map { (px($0.x), py($0.y)) }))\" fill=\"none\" stroke=\"#999\" stroke-width=\"1\" stroke-opacity=\".6\"/>"
    }
    let finitePoints = points.filter { $0.x.isFinite && $0.y.isFinite }
    let banded = finitePoints.filter { ($0.lower?.isFinite ?? false) && ($0.upper?.isFinite ?? false) }
    if drawsBand, banded.count > 1 {
      let upper = banded.map { (px($0.x), py($0.upper!)) }, lower = banded.reversed().map { (px($0.x), py($0.lower!)) }
      svg += "<path d=\"\(path(upper + lower))Z\" fill=\"#56b4e9\" fill-opacity=\".35\" stroke=\"#0072b2\" stroke-width=\".5\" stroke-dasharray=\"3 2\"/>"
    } else if !drawsBand {
      for point in banded {
        svg += "<line x1=\"\(n(px(point.x)))\" x2=\"\(n(px(point.x)))\" y1=\"\(n(py(point.lower!)))\" y2=\"\(n(py(point.upper!)))\" stroke=\"#0072b2\" stroke-width=\"1.5\"/>"
      }
    }
    if finitePoints.count > 1 {
      svg += "<path d=\"\(path(finitePoints.map { (px($0.x), py($0.y)) }))\" fill=\"none\" stroke=\"#0072b2\" stroke-width=\"2\"/>"
    }
    if drawsMarkers || finitePoints.count == 1 {
      for point in finitePoints {
        svg += "<circle cx=\"\(n(px(point.x)))\" cy=\"\(n(py(point.y)))\" r=\"2.5\" fill=\"#0072b2\"/>"
      }
    }
    for marker in markers where marker.x.isFinite {
      svg += "<line x1=\"\(n(px(marker.x)))\" x2=\"\(n(px(marker.x)))\" y1=\"\(n(top))\" y2=\"\(n(top + plotHeight))\" stroke=\"#d55e00\" stroke-width=\"1.5\" stroke-dasharray=\"5 3\"/>"
      svg += "<text x=\"\(n(px(marker.x) + 3))\" y=\"\(n(top + 10))\" font-size=\"10\" fill=\"#a33d00\">\(esc(marker.label))</text>"
    }
    return svg + "</svg>"
  }

  private func path(_ points: [(Double, Double)]) -> String {
    var d = ""
    d.reserveCapacity(points.count * 14)
    for (index, point) in points.enumerated() {
      d += (index == 0 ? "M" : "L") + n(point.0) + " " + n(point.1)
    }
    return d
  }

  private func n(_ value: Double) -> String {
    guard value.isFinite else { return "0" }
    return String((value * 10).rounded() / 10)
  }

  private func esc(_ text: String) -> String { MarkdownHTML.escape(text) }

  /// About five round tick values covering `low...high`.
  static func niceTicks(_ low: Double, _ high: Double) -> [Double] {
    guard low.isFinite, high.isFinite else { return [] }
    if high <= low { return [low] }
    let raw = (high - low) / 5
    let magnitude = pow(10, floor(log10(raw)))
    let step = [1.0, 2, 2.5, 5, 10].map { $0 * magnitude }.first { $0 >= raw } ?? 10 * magnitude
    var ticks: [Double] = []
    var tick = floor(low / step) * step
    while tick <= high + step * 0.5 && ticks.count < 20 {
      ticks.append(tick)
      tick += step
    }
    return ticks
  }
}
