extension Plot {
  /// A line plot of one or more series (loss curves), with a legend for named series.
  public static func line(
    _ series: [Series], title: String = "", xLabel: String = "", yLabel: String = ""
  ) -> Plot {
    Plot(.lines(series), title: title, xLabel: xLabel, yLabel: yLabel)
  }

  /// A line plot of one unnamed series against its indices 0, 1, 2, ….
  public static func line<T: BinaryFloatingPoint>(
    y: [T], title: String = "", xLabel: String = "", yLabel: String = ""
  ) -> Plot {
    line([Series(y: y)], title: title, xLabel: xLabel, yLabel: yLabel)
  }

  /// A line plot of one unnamed series through the points (x[i], y[i]).
  public static func line<T: BinaryFloatingPoint>(
    x: [T], y: [T], title: String = "", xLabel: String = "", yLabel: String = ""
  ) -> Plot {
    line([Series(x: x, y: y)], title: title, xLabel: xLabel, yLabel: yLabel)
  }

  /// A scatter plot of one or more series; series with `pointValues` colour each point
  /// through the plot's colormap and get a colour bar.
  public static func scatter(
    _ series: [Series], title: String = "", xLabel: String = "", yLabel: String = ""
  ) -> Plot {
    Plot(.scatter(series), title: title, xLabel: xLabel, yLabel: yLabel)
  }

  /// A scatter plot of one unnamed series, optionally coloured point by point.
  public static func scatter<T: BinaryFloatingPoint>(
    x: [T], y: [T], colorBy values: [T]? = nil, title: String = "", xLabel: String = "",
    yLabel: String = ""
  ) -> Plot {
    scatter([Series(x: x, y: y, pointValues: values)], title: title, xLabel: xLabel, yLabel: yLabel)
  }

  /// A heatmap of a row-major matrix (row 0 at the top) with a colour bar: viridis for
  /// one-signed data, blue–white–red centred on zero for signed data.
  public static func heatmap<T: BinaryFloatingPoint>(
    _ values: [[T]], title: String = "", xLabel: String = "", yLabel: String = "",
    rowLabels: [String]? = nil, columnLabels: [String]? = nil
  ) -> Plot {
    let matrix = values.map { row in row.map { Double($0) } }
    return Plot(
      .heatmap(Heatmap(matrix, rowLabels: rowLabels, columnLabels: columnLabels)), title: title,
      xLabel: xLabel, yLabel: yLabel)
  }

  /// A heatmap of a flat row-major buffer (how tensors store a matrix): entry (r, c) is
  /// `values[r * columns + c]`. A buffer shorter than `rows × columns` leaves grey cells.
  public static func heatmap<T: BinaryFloatingPoint>(
    flat values: [T], rows: Int, columns: Int, title: String = "", xLabel: String = "",
    yLabel: String = "", rowLabels: [String]? = nil, columnLabels: [String]? = nil
  ) -> Plot {
    let rows = max(rows, 0)
    let columns = max(columns, 0)
    let matrix = (0..<rows).map { r in
      (0..<columns).map { c in
        r * columns + c < values.count ? Double(values[r * columns + c]) : .nan
      }
    }
    return heatmap(
      matrix, title: title, xLabel: xLabel, yLabel: yLabel, rowLabels: rowLabels,
      columnLabels: columnLabels)
  }

  /// A bar chart with optional symmetric error bars (`value ± errors[i]`, e.g. a CI half-width).
  /// One bar per value; missing labels are blank.
  public static func bar<T: BinaryFloatingPoint>(
    labels: [String], values: [T], errors: [T]? = nil, title: String = "", xLabel: String = "",
    yLabel: String = ""
  ) -> Plot {
    let bars = values.indices.map { index -> Bar in
      let label = index < labels.count ? labels[index] : ""
      let value = Double(values[index])
      guard let errors, index < errors.count else { return Bar(label, value: value) }
      let error = Double(errors[index]).magnitude
      return Bar(label, value: value, lower: value - error, upper: value + error)
    }
    return Plot(.bars(bars), title: title, xLabel: xLabel, yLabel: yLabel)
  }

  /// A bar chart with explicit, possibly asymmetric intervals (e.g. bootstrap 95% CIs).
  public static func bar<T: BinaryFloatingPoint>(
    labels: [String], values: [T], intervals: [ClosedRange<T>], title: String = "",
    xLabel: String = "", yLabel: String = ""
  ) -> Plot {
    let bars = values.indices.map { index -> Bar in
      let label = index < labels.count ? labels[index] : ""
      guard index < intervals.count else { return Bar(label, value: Double(values[index])) }
      return Bar(
        label, value: Double(values[index]), lower: Double(intervals[index].lowerBound),
        upper: Double(intervals[index].upperBound))
    }
    return Plot(.bars(bars), title: title, xLabel: xLabel, yLabel: yLabel)
  }

  /// A bar chart of prepared bars.
  public static func bar(
    _ bars: [Bar], title: String = "", xLabel: String = "", yLabel: String = ""
  ) -> Plot {
    Plot(.bars(bars), title: title, xLabel: xLabel, yLabel: yLabel)
  }
}
