extension Plot {
  /// Light grid lines at the major ticks, drawn before the data.
  func drawGrid(x: Axis?, y: Axis?, frame: Frame, into svg: inout SVGWriter) {
    guard showsGrid else { return }
    let n = SVGWriter.number
    let style: [(String, String)] = [("stroke", Color.grid.hex), ("stroke-width", "1")]
    for value in x?.ticks.values ?? [] {
      guard let x else { break }
      let px = x.position(value)
      svg.element(
        "line",
        [
          ("class", "grid"), ("x1", n(px)), ("y1", n(frame.top)), ("x2", n(px)),
          ("y2", n(frame.bottom)),
        ]
          + style)
    }
    for value in y?.ticks.values ?? [] {
      guard let y else { break }
      let py = y.position(value)
      svg.element(
        "line",
        [
          ("class", "grid"), ("x1", n(frame.left)), ("y1", n(py)), ("x2", n(frame.right)),
          ("y2", n(py)),
        ]
          + style)
    }
  }

  /// The bottom spine with outward ticks and labels.
  func drawXAxis(_ axis: Axis, frame: Frame, metrics: Metrics, into svg: inout SVGWriter) {
    let n = SVGWriter.number
    svg.element("line", spine(frame.left, frame.bottom, frame.right, frame.bottom))
    for value in axis.ticks.minor {
      let px = axis.position(value)
      svg.element("line", tick(px, frame.bottom, px, frame.bottom + metrics.tickLength * 0.6))
    }
    for (value, label) in zip(axis.ticks.values, axis.ticks.labels) {
      let px = axis.position(value)
      svg.element("line", tick(px, frame.bottom, px, frame.bottom + metrics.tickLength))
      let baseline = frame.bottom + metrics.tickLength + metrics.tickGap + metrics.font * 0.9
      svg.label(
        label,
        [("class", "tick-label"), ("x", n(px)), ("y", n(baseline)), ("text-anchor", "middle")])
    }
  }

  /// The left spine with outward ticks and labels.
  func drawYAxis(_ axis: Axis, frame: Frame, metrics: Metrics, into svg: inout SVGWriter) {
    let n = SVGWriter.number
    svg.element("line", spine(frame.left, frame.top, frame.left, frame.bottom))
    for value in axis.ticks.minor {
      let py = axis.position(value)
      svg.element("line", tick(frame.left - metrics.tickLength * 0.6, py, frame.left, py))
    }
    for (value, label) in zip(axis.ticks.values, axis.ticks.labels) {
      let py = axis.position(value)
      svg.element("line", tick(frame.left - metrics.tickLength, py, frame.left, py))
      let x = frame.left - metrics.tickLength - metrics.tickGap
      svg.label(
        label,
        [
          ("class", "tick-label"), ("x", n(x)), ("y", n(py + metrics.font * 0.35)),
          ("text-anchor", "end"),
        ])
    }
  }

  /// The x label under the tick labels and the y label rotated along the left edge.
  func drawAxisLabels(
    frame: Frame, xLabelBaseline: Double, metrics: Metrics, into svg: inout SVGWriter
  ) {
    let n = SVGWriter.number
    if !xLabel.isEmpty {
      svg.element(
        "text",
        [
          ("class", "axis-label"), ("x", n(frame.centerX)), ("y", n(xLabelBaseline)),
          ("text-anchor", "middle"),
        ], content: xLabel)
    }
    if !yLabel.isEmpty {
      let x = metrics.padding + metrics.font * 0.9
      svg.element(
        "text",
        [
          ("class", "axis-label"), ("x", n(x)), ("y", n(frame.centerY)), ("text-anchor", "middle"),
          ("transform", "rotate(-90 \(n(x)) \(n(frame.centerY)))"),
        ], content: yLabel)
    }
  }

  /// Widest tick label of `ticks` in pixels.
  static func labelWidth(_ ticks: Ticks, _ metrics: Metrics) -> Double {
    (ticks.labels.map(\.widthInEms).max() ?? 0) * metrics.font
  }

  private func spine(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double) -> [(String, String)] {
    let n = SVGWriter.number
    return [
      ("class", "spine"), ("x1", n(x1)), ("y1", n(y1)), ("x2", n(x2)), ("y2", n(y2)),
      ("stroke", Color.axis.hex), ("stroke-width", "1"), ("stroke-linecap", "square"),
    ]
  }

  private func tick(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double) -> [(String, String)] {
    let n = SVGWriter.number
    return [
      ("class", "tick"), ("x1", n(x1)), ("y1", n(y1)), ("x2", n(x2)), ("y2", n(y2)),
      ("stroke", Color.axis.hex), ("stroke-width", "1"),
    ]
  }
}
