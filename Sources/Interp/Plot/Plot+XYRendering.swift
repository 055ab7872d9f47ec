extension Plot {
  /// Line and scatter plots: shared axes, legend and (for value-coloured points) colour bar.
  func drawXY(
    _ series: [Series], asLines: Bool, size: (width: Double, height: Double), metrics: Metrics
  ) -> Drawing {
    var drawing = Drawing()
    let (clean, notes) = CleanSeries.clean(series, xScale: xScale, yScale: yScale)
    drawing.notes = notes
    let points = clean.flatMap(\.points)
    // A value-coloured series has no single colour a legend swatch could show.
    var legend = clean.filter {
      !$0.name.isEmpty && (asLines || !$0.points.contains { $0.value != nil })
    }
    let pointValues = asLines ? [] : points.compactMap(\.value)

    let top = metrics.padding + metrics.titleHeight(title) + metrics.font * 0.6
    let bottom =
      size.height - metrics.padding - metrics.notesHeight(notes.count)
      - metrics.axisLabelHeight(xLabel) - metrics.tickLength - metrics.tickGap - metrics.font * 1.2
    let colorScale: ColorScale? =
      pointValues.isEmpty
      ? nil
      : ColorScale(
        values: pointValues, colormap: colormap, range: colorRange, barLength: bottom - top)
    // Long names are shortened so the legend never takes more than 30% of the width.
    let nameLimit = max(Int((size.width * 0.3 - 28 - metrics.font) / (0.63 * metrics.font)), 6)
    legend = legend.map { entry in
      var entry = entry
      entry.name = Self.truncated(entry.name, nameLimit)
      return entry
    }
    let legendWidth = legend.isEmpty ? 0 : legendWidth(legend, metrics: metrics)
    let colorBarWidth = colorScale.map { $0.width(label: colorLabel, metrics: metrics) + 16 } ?? 0
    let right =
      size.width - metrics.padding - legendWidth - colorBarWidth
      - (legend.isEmpty && colorScale == nil ? metrics.font * 1.2 : 0)

    let yTicks = Axis.ticks(
      for: Self.bounds(points.map(\.y)), scale: yScale, limits: yLimits, length: bottom - top,
      spacing: metrics.font * 4)
    let left =
      metrics.padding + metrics.axisLabelHeight(yLabel) + Self.labelWidth(yTicks, metrics)
      + metrics.tickLength + metrics.tickGap + 2
    let xTicks = fittedXTicks(
      bounds: Self.bounds(points.map(\.x)), length: right - left, metrics: metrics)

    let frame = Frame(
      left: left, top: top, right: max(right, left + 10), bottom: max(bottom, top + 10))
    let x = Axis(ticks: xTicks, scale: xScale, start: frame.left, end: frame.right)
    let y = Axis(ticks: yTicks, scale: yScale, start: frame.bottom, end: frame.top)

    drawTitle(over: frame, metrics: metrics, into: &drawing.body)
    drawGrid(x: x, y: y, frame: frame, into: &drawing.body)
    let clipped = xLimits != nil || yLimits != nil
    if clipped {
      let n = SVGWriter.number
      drawing.body.open("defs")
      drawing.body.open("clipPath", [("id", Self.idToken + "-clip")])
      drawing.body.element(
        "rect",
        [
          ("x", n(frame.left)), ("y", n(frame.top)), ("width", n(frame.width)),
          ("height", n(frame.height)),
        ])
      drawing.body.close("clipPath")
      drawing.body.close("defs")
    }
    drawing.body.open(
      "g",
      clipped
        ? [("class", "data"), ("clip-path", "url(#\(Self.idToken)-clip)")] : [("class", "data")])
    for item in clean {
      if asLines {
        drawLine(item, x: x, y: y, into: &drawing.body)
      } else {
        drawPoints(item, x: x, y: y, count: points.count, colors: colorScale, into: &drawing.body)
      }
    }
    drawing.body.close("g")
    drawXAxis(x, frame: frame, metrics: metrics, into: &drawing.body)
    drawYAxis(y, frame: frame, metrics: metrics, into: &drawing.body)
    let xLabelBaseline =
      frame.bottom + metrics.tickLength + metrics.tickGap + metrics.font * 1.2
      + metrics.axisLabelHeight(xLabel) - metrics.font * 0.3
    drawAxisLabels(
      frame: frame, xLabelBaseline: xLabelBaseline, metrics: metrics, into: &drawing.body)
    var sideX = frame.right + 16
    if let colorScale {
      colorScale.draw(
        x: sideX, top: frame.top, bottom: frame.bottom, label: colorLabel, metrics: metrics,
        into: &drawing.body)
      sideX += colorBarWidth
    }
    if !legend.isEmpty {
      drawLegend(
        legend, asLines: asLines, x: sideX, top: frame.top, metrics: metrics, into: &drawing.body)
    }
    return drawing
  }

  /// X ticks whose labels do not collide: fewer ticks until the widest label fits its gap.
  private func fittedXTicks(bounds: ClosedRange<Double>?, length: Double, metrics: Metrics) -> Ticks
  {
    var spacing = metrics.font * 6
    var ticks = Axis.ticks(
      for: bounds, scale: xScale, limits: xLimits, length: length, spacing: spacing)
    for _ in 0..<6 {
      let axis = Axis(ticks: ticks, scale: xScale, start: 0, end: length)
      let positions = ticks.values.map(axis.position)
      let gap = zip(positions, positions.dropFirst()).map { $1 - $0 }.min() ?? .infinity
      if gap >= Self.labelWidth(ticks, metrics) + metrics.font { break }
      spacing *= 1.5
      ticks = Axis.ticks(
        for: bounds, scale: xScale, limits: xLimits, length: length, spacing: spacing)
    }
    return ticks
  }

  /// One `<path class="series">` per series with a drawable segment; lone points (a gap on
  /// both sides, or a one-point series) become small dots so they stay visible.
  private func drawLine(_ item: CleanSeries, x: Axis, y: Axis, into svg: inout SVGWriter) {
    let n = SVGWriter.number
    var d: [String] = []
    for segment in item.segments where segment.count >= 2 {
      for (index, point) in segment.enumerated() {
        d.append(
          (index == 0 ? "M" : index == 1 ? "L" : "") + n(x.position(point.x)) + " "
            + n(y.position(point.y)))
      }
    }
    if !d.isEmpty {
      svg.element(
        "path",
        [
          ("class", "series"), ("d", d.joined(separator: " ")), ("fill", "none"),
          ("stroke", item.color.hex), ("stroke-width", "1.75"), ("stroke-linejoin", "round"),
          ("stroke-linecap", "round"),
        ])
    }
    for segment in item.segments where segment.count == 1 {
      let point = segment[0]
      svg.element(
        "circle",
        [
          ("class", "point"), ("cx", n(x.position(point.x))), ("cy", n(y.position(point.y))),
          ("r", "2.5"), ("fill", item.color.hex),
        ])
    }
  }

  /// One `<circle class="point">` per plottable point.
  private func drawPoints(
    _ item: CleanSeries, x: Axis, y: Axis, count: Int, colors: ColorScale?,
    into svg: inout SVGWriter
  ) {
    let n = SVGWriter.number
    let radius = count > 2000 ? "1.5" : count > 300 ? "2.25" : "3"
    for point in item.points {
      let fill = point.value.map { colors?.color($0) ?? item.color } ?? item.color
      svg.element(
        "circle",
        [
          ("class", "point"), ("cx", n(x.position(point.x))), ("cy", n(y.position(point.y))),
          ("r", radius), ("fill", fill.hex), ("fill-opacity", "0.8"),
        ])
    }
  }
}
