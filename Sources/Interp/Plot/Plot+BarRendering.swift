extension Plot {
  /// A bar chart: one `<rect class="bar">` per bar with a finite value, bars rising from
  /// zero, error bars with caps, category labels tilted when they would collide. The value
  /// axis is always linear (bar length on a log axis has no meaning) and always shows zero.
  func drawBars(_ bars: [Bar], size: (width: Double, height: Double), metrics: Metrics) -> Drawing {
    var drawing = Drawing()
    let drawn = bars.filter { $0.value.isFinite }
    if bars.isEmpty { drawing.notes.append("No data.") }
    if drawn.count < bars.count {
      drawing.notes.append(
        "\(Plot.counted(bars.count - drawn.count, "NaN or infinite bar value")) skipped.")
    }
    let badErrors = drawn.filter { bar in
      (bar.lower != nil || bar.upper != nil) && !Self.hasErrorBar(bar)
    }.count
    if badErrors > 0 {
      drawing.notes.append(
        "\(Plot.counted(badErrors, "error bar")) without a finite lower and upper bound skipped.")
    }
    if yScale == .log {
      drawing.notes.append("Bar charts use a linear value axis; log scale ignored.")
    }

    var extent = [0.0]
    for bar in drawn {
      extent.append(bar.value)
      if Self.hasErrorBar(bar), let lower = bar.lower, let upper = bar.upper {
        extent += [lower, upper]
      }
    }
    let names = bars.map { Self.truncated($0.label, 30) }
    let labelWidth = names.map(metrics.width).max() ?? 0
    let top = metrics.padding + metrics.titleHeight(title) + metrics.font * 0.6
    let right = size.width - metrics.padding - metrics.font
    func bottom(labelHeight: Double) -> Double {
      size.height - metrics.padding - metrics.notesHeight(drawing.notes.count)
        - metrics.axisLabelHeight(xLabel) - labelHeight - metrics.tickLength - metrics.tickGap
    }
    var labelHeight = metrics.font * 1.2
    let yProbe = Axis.ticks(
      for: Self.bounds(extent), scale: .linear, limits: yLimits,
      length: bottom(labelHeight: labelHeight) - top,
      spacing: metrics.font * 4)
    var left =
      metrics.padding + metrics.axisLabelHeight(yLabel) + Self.labelWidth(yProbe, metrics)
      + metrics.tickLength + metrics.tickGap + 2
    var band = (right - left) / Double(max(bars.count, 1))
    let tilted = labelWidth > band * 0.95
    if tilted {
      labelHeight = labelWidth * 0.71 + metrics.font * 0.8
      // A label tilted at 45° reaches 0.71 of its width left of its bar's centre.
      left = max(left, metrics.padding + labelWidth * 0.75 + metrics.font * 0.5 - band / 2)
      band = (right - left) / Double(max(bars.count, 1))
    }
    let yTicks = Axis.ticks(
      for: Self.bounds(extent), scale: .linear, limits: yLimits,
      length: bottom(labelHeight: labelHeight) - top,
      spacing: metrics.font * 4)
    let frame = Frame(
      left: left, top: top, right: max(right, left + 10),
      bottom: max(bottom(labelHeight: labelHeight), top + 10))
    let y = Axis(ticks: yTicks, scale: .linear, start: frame.bottom, end: frame.top)

    drawTitle(over: frame, metrics: metrics, into: &drawing.body)
    drawGrid(x: nil, y: y, frame: frame, into: &drawing.body)
    drawing.body.open("g", [("class", "data")])
    drawBarShapes(bars, band: band, frame: frame, y: y, into: &drawing.body)
    drawing.body.close("g")
    drawYAxis(y, frame: frame, metrics: metrics, into: &drawing.body)
    drawCategoryAxis(
      names, band: band, tilted: tilted, frame: frame, y: y, metrics: metrics, into: &drawing.body)
    let xLabelBaseline =
      frame.bottom + metrics.tickLength + metrics.tickGap + labelHeight
      + metrics.axisLabelHeight(xLabel)
      - metrics.font * 0.3
    drawAxisLabels(
      frame: frame, xLabelBaseline: xLabelBaseline, metrics: metrics, into: &drawing.body)
    return drawing
  }

  private func drawBarShapes(
    _ bars: [Bar], band: Double, frame: Frame, y: Axis, into svg: inout SVGWriter
  ) {
    let n = SVGWriter.number
    let zero = y.position(0)
    for (index, bar) in bars.enumerated() where bar.value.isFinite {
      let center = frame.left + (Double(index) + 0.5) * band
      let top = y.position(bar.value)
      svg.element(
        "rect",
        [
          ("class", "bar"), ("x", n(center - band * 0.35)), ("y", n(min(top, zero))),
          ("width", n(band * 0.7)), ("height", n(abs(zero - top))),
          ("fill", (bar.color ?? Color.palette(0)).hex),
        ])
      guard Self.hasErrorBar(bar), let lower = bar.lower, let upper = bar.upper else { continue }
      let (low, high) = (y.position(lower), y.position(upper))
      let cap = min(band * 0.15, 8)
      let d =
        "M\(n(center)) \(n(low)) L\(n(center)) \(n(high)) "
        + "M\(n(center - cap)) \(n(low)) L\(n(center + cap)) \(n(low)) "
        + "M\(n(center - cap)) \(n(high)) L\(n(center + cap)) \(n(high))"
      svg.element(
        "path",
        [
          ("class", "error-bar"), ("d", d), ("fill", "none"), ("stroke", Color.black.hex),
          ("stroke-width", "1.25"),
        ])
    }
    if y.ticks.domain.lowerBound < 0 {
      svg.element(
        "line",
        [
          ("class", "zero"), ("x1", n(frame.left)), ("y1", n(zero)), ("x2", n(frame.right)),
          ("y2", n(zero)),
          ("stroke", Color.axis.hex), ("stroke-width", "1"),
        ])
    }
  }

  private func drawCategoryAxis(
    _ names: [String], band: Double, tilted: Bool, frame: Frame, y: Axis, metrics: Metrics,
    into svg: inout SVGWriter
  ) {
    let n = SVGWriter.number
    svg.element(
      "line",
      [
        ("class", "spine"), ("x1", n(frame.left)), ("y1", n(frame.bottom)), ("x2", n(frame.right)),
        ("y2", n(frame.bottom)), ("stroke", Color.axis.hex), ("stroke-width", "1"),
      ])
    for (index, name) in names.enumerated() {
      let x = frame.left + (Double(index) + 0.5) * band
      let baseline =
        frame.bottom + metrics.tickLength + metrics.tickGap + metrics.font * (tilted ? 0.6 : 0.9)
      var attributes: [(String, String)] = [
        ("class", "tick-label"), ("x", n(x)), ("y", n(baseline)),
      ]
      if tilted {
        attributes += [("text-anchor", "end"), ("transform", "rotate(-45 \(n(x)) \(n(baseline)))")]
      } else {
        attributes += [("text-anchor", "middle")]
      }
      svg.element("text", attributes, content: name)
    }
  }

  /// True when the bar has a finite, ordered interval to draw.
  static func hasErrorBar(_ bar: Bar) -> Bool {
    guard let lower = bar.lower, let upper = bar.upper else { return false }
    return lower.isFinite && upper.isFinite && lower <= upper
  }
}
