extension Plot {
  /// Maps values to colours through a colormap over a value range, and draws its colour bar.
  struct ColorScale {
    var colormap: Colormap
    var range: ClosedRange<Double>
    var ticks: Ticks

    /// A scale for `values` (finite ones), honouring the plot's colormap and range choices:
    /// signed data gets the diverging map, symmetric about zero so the centre colour is zero.
    init(values: [Double], colormap: Colormap?, range: ClosedRange<Double>?, barLength: Double) {
      let finite = values.filter(\.isFinite)
      let lo = finite.min() ?? 0
      let hi = finite.max() ?? 1
      let map = colormap ?? (lo < 0 && hi > 0 ? .diverging : .viridis)
      var span = range ?? lo...hi
      if range == nil && map.isDiverging {
        let extent = Swift.max(lo.magnitude, hi.magnitude)
        span = -extent...extent
      }
      self.colormap = map
      let target = Swift.min(Swift.max(Int(barLength / 45), 3), 8)
      ticks = .linear(inside: span.lowerBound, span.upperBound, target: target)
      self.range = ticks.domain
    }

    /// The colour of `value`; NaN and infinities get the "missing" grey.
    func color(_ value: Double) -> Color {
      guard value.isFinite else { return .missing }
      let (lo, hi) = (range.lowerBound, range.upperBound)
      return colormap.color(at: hi > lo ? (value - lo) / (hi - lo) : 0.5)
    }

    /// Horizontal space the bar, its tick labels and `label` need, in pixels.
    func width(label: String, metrics: Metrics) -> Double {
      14 + metrics.tickLength + metrics.tickGap + Plot.labelWidth(ticks, metrics)
        + (label.isEmpty ? 0 : metrics.font * 1.6)
    }

    /// A vertical bar from `top` to `bottom` at `x`, highest values at the top.
    func draw(
      x: Double, top: Double, bottom: Double, label: String, metrics: Metrics,
      into svg: inout SVGWriter
    ) {
      let n = SVGWriter.number
      let id = Plot.idToken + "-colorbar"
      svg.open("defs")
      svg.open(
        "linearGradient", [("id", id), ("x1", "0"), ("y1", "1"), ("x2", "0"), ("y2", "0")])
      let last = Double(colormap.anchors.count - 1)
      for (index, anchor) in colormap.anchors.enumerated() {
        svg.element(
          "stop", [("offset", n(Double(index) / last)), ("stop-color", anchor.hex)])
      }
      svg.close("linearGradient")
      svg.close("defs")
      svg.element(
        "rect",
        [
          ("class", "colorbar"), ("x", n(x)), ("y", n(top)), ("width", "14"),
          ("height", n(bottom - top)), ("fill", "url(#\(id))"), ("stroke", Color.axis.hex),
          ("stroke-width", "0.5"),
        ])
      let axis = Axis(ticks: ticks, scale: .linear, start: bottom, end: top)
      let tickX = x + 14
      for (value, tick) in zip(ticks.values, ticks.labels) {
        let py = axis.position(value)
        svg.element(
          "line",
          [
            ("class", "tick"), ("x1", n(tickX)), ("y1", n(py)),
            ("x2", n(tickX + metrics.tickLength)),
            ("y2", n(py)), ("stroke", Color.axis.hex), ("stroke-width", "1"),
          ])
        svg.label(
          tick,
          [
            ("class", "tick-label"), ("x", n(tickX + metrics.tickLength + metrics.tickGap)),
            ("y", n(py + metrics.font * 0.35)), ("text-anchor", "start"),
          ])
      }
      guard !label.isEmpty else { return }
      let labelX =
        tickX + metrics.tickLength + metrics.tickGap + Plot.labelWidth(ticks, metrics)
        + metrics.font * 1.1
      let centerY = (top + bottom) / 2
      svg.element(
        "text",
        [
          ("class", "axis-label"), ("x", n(labelX)), ("y", n(centerY)), ("text-anchor", "middle"),
          ("transform", "rotate(-90 \(n(labelX)) \(n(centerY)))"),
        ], content: label)
    }
  }
}
