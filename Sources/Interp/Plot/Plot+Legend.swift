extension Plot {
  /// Width of a legend listing `entries`, in pixels.
  func legendWidth(_ entries: [CleanSeries], metrics: Metrics) -> Double {
    let names = entries.map { metrics.width($0.name) }.max() ?? 0
    return 22 + 6 + names + metrics.font
  }

  /// A legend outside the plot area, to its right, so it never hides data: a line (or dot)
  /// swatch and the name of every named series.
  func drawLegend(
    _ entries: [CleanSeries], asLines: Bool, x: Double, top: Double, metrics: Metrics,
    into svg: inout SVGWriter
  ) {
    let n = SVGWriter.number
    svg.open("g", [("class", "legend")])
    for (index, entry) in entries.enumerated() {
      let cy = top + metrics.font * 0.6 + Double(index) * metrics.lineHeight * 1.1
      if asLines {
        svg.element(
          "line",
          [
            ("x1", n(x)), ("y1", n(cy)), ("x2", n(x + 22)), ("y2", n(cy)),
            ("stroke", entry.color.hex), ("stroke-width", "2"), ("stroke-linecap", "round"),
          ])
      } else {
        svg.element(
          "circle", [("cx", n(x + 11)), ("cy", n(cy)), ("r", "3.5"), ("fill", entry.color.hex)])
      }
      svg.element(
        "text", [("x", n(x + 28)), ("y", n(cy + metrics.font * 0.35))], content: entry.name)
    }
    svg.close("g")
  }
}
