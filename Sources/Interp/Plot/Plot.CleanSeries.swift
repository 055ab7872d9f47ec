extension Plot {
  /// A series reduced to what can be drawn: runs of consecutive plottable points, so a line
  /// breaks where a point was skipped instead of silently bridging the gap.
  struct CleanSeries {
    struct Point {
      var x: Double
      var y: Double
      /// The colour value of a scatter point (nil: none given; may be NaN: drawn grey).
      var value: Double?
    }

    var name: String
    var color: Color
    var segments: [[Point]]

    var points: [Point] { segments.flatMap { $0 } }

    /// Cleans every series and explains what was skipped, one sentence per cause.
    static func clean(_ series: [Series], xScale: Scale, yScale: Scale) -> ([CleanSeries], [String])
    {
      var notes: [String] = []
      var nonFinite = 0
      var nonPositiveX = 0
      var nonPositiveY = 0
      var result: [CleanSeries] = []
      for (index, item) in series.enumerated() {
        let title =
          item.name.isEmpty
          ? "Series \(index + 1)" : "Series \u{201C}\(truncated(item.name))\u{201D}"
        let count = min(item.x.count, item.y.count)
        if item.x.count != item.y.count {
          notes.append(
            "\(title): \(item.x.count) x values for \(item.y.count) y values; "
              + "\(max(item.x.count, item.y.count) - count) unpaired values ignored.")
        }
        if let values = item.pointValues, values.count != count {
          notes.append(
            "\(title): \(values.count) colour values for \(count) points; "
              + "points without one use the series colour.")
        }
        var segments: [[Point]] = []
        var current: [Point] = []
        for i in 0..<count {
          let (x, y) = (item.x[i], item.y[i])
          var skip = false
          if !x.isFinite || !y.isFinite {
            nonFinite += 1
            skip = true
          } else {
            if xScale == .log && x <= 0 {
              nonPositiveX += 1
              skip = true
            }
            if yScale == .log && y <= 0 {
              nonPositiveY += 1
              skip = true
            }
          }
          if skip {
            if !current.isEmpty { segments.append(current) }
            current = []
            continue
          }
          let values = item.pointValues
          current.append(Point(x: x, y: y, value: values.flatMap { i < $0.count ? $0[i] : nil }))
        }
        if !current.isEmpty { segments.append(current) }
        if count == 0 { notes.append("\(title) is empty.") }
        result.append(
          CleanSeries(
            name: truncated(item.name), color: item.color ?? Color.palette(index),
            segments: segments))
      }
      if nonFinite > 0 { notes.append("\(counted(nonFinite, "NaN or infinite value")) skipped.") }
      if nonPositiveX > 0 {
        notes.append("\(counted(nonPositiveX, "point")) with x \u{2264} 0 skipped (log x axis).")
      }
      if nonPositiveY > 0 {
        notes.append("\(counted(nonPositiveY, "point")) with y \u{2264} 0 skipped (log y axis).")
      }
      if series.isEmpty { notes.append("No data.") }
      return (result, notes)
    }
  }

  /// The smallest range holding every value, or nil for none.
  static func bounds(_ values: [Double]) -> ClosedRange<Double>? {
    guard var lo = values.first else { return nil }
    var hi = lo
    for value in values {
      lo = Swift.min(lo, value)
      hi = Swift.max(hi, value)
    }
    return lo...hi
  }
}
