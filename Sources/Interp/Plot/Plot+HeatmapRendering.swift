extension Plot {
  /// A heatmap: one `<rect class="cell">` per matrix entry (row 0 at the top), row and column
  /// labels thinned to what fits, and a colour bar. Cells stay square unless that would make
  /// the grid more than three times narrower (or flatter) than the space allows.
  ///
  /// Size grows with the cell count (about 90 bytes per cell): a 256×256 matrix is ~6 MB.
  func drawHeatmap(
    _ heatmap: Heatmap, size: (width: Double, height: Double), metrics: Metrics
  ) -> Drawing {
    var drawing = Drawing()
    let rows = heatmap.values.count
    let columns = heatmap.columnCount
    let flat = heatmap.values.flatMap { $0 }
    let missing = heatmap.values.reduce(0) { $0 + columns - $1.count }
    let nonFinite = flat.filter { !$0.isFinite }.count
    if rows == 0 || columns == 0 { drawing.notes.append("No data.") }
    if missing > 0 {
      drawing.notes.append("\(Plot.counted(missing, "cell")) missing from short rows (grey).")
    }
    if nonFinite > 0 {
      drawing.notes.append("\(Plot.counted(nonFinite, "NaN or infinite cell")) (grey).")
    }
    let rowNames = labels(heatmap.rowLabels, count: rows, axis: "row", notes: &drawing.notes)
    let columnNames = labels(
      heatmap.columnLabels, count: columns, axis: "column", notes: &drawing.notes)

    let top = metrics.padding + metrics.titleHeight(title) + metrics.font * 0.4
    let rowLabelWidth = rowNames.map(metrics.width).max() ?? 0
    var left =
      metrics.padding + metrics.axisLabelHeight(yLabel) + rowLabelWidth + metrics.tickLength
      + metrics.tickGap
    let colors = ColorScale(
      values: flat, colormap: colormap, range: colorRange,
      barLength: size.height - top - metrics.padding - metrics.font * 3)
    let sideWidth = colors.width(label: colorLabel, metrics: metrics) + 16
    var availableWidth = max(size.width - metrics.padding - sideWidth - left, 10)
    let columnLabelWidth = columnNames.map(metrics.width).max() ?? 0

    func layout(rotated: Bool) -> (cellW: Double, cellH: Double, bottom: Double) {
      let labelHeight = rotated ? columnLabelWidth * 0.71 + metrics.font * 0.8 : metrics.font * 1.2
      let bottom =
        size.height - metrics.padding - metrics.notesHeight(drawing.notes.count)
        - metrics.axisLabelHeight(xLabel) - labelHeight - metrics.tickLength - metrics.tickGap
      let cellW = availableWidth / Double(max(columns, 1))
      let cellH = max(bottom - top, 10) / Double(max(rows, 1))
      let side = min(cellW, cellH)
      return (min(cellW, side * 3), min(cellH, side * 3), bottom)
    }
    var rotated = false
    var cells = layout(rotated: false)
    var columnStride = Self.labelStride(
      cell: cells.cellW, needed: columnLabelWidth + metrics.font * 0.5)
    if columnStride > 1 && columnLabelWidth > metrics.font * 1.5 {
      rotated = true
      // A label tilted at 45° reaches 0.71 of its width left of its cell centre.
      left = max(
        left, metrics.padding + columnLabelWidth * 0.75 + metrics.font * 0.5 - cells.cellW / 2)
      availableWidth = max(size.width - metrics.padding - sideWidth - left, 10)
      cells = layout(rotated: true)
      columnStride = Self.labelStride(cell: cells.cellW, needed: metrics.font * 1.15)
    }
    let rowStride = Self.labelStride(cell: cells.cellH, needed: metrics.font * 1.15)
    let gridWidth = cells.cellW * Double(columns)
    let gridHeight = cells.cellH * Double(rows)
    let gridLeft = left + max(availableWidth - gridWidth, 0) / 2
    let frame = Frame(
      left: gridLeft, top: top, right: gridLeft + gridWidth, bottom: top + gridHeight)

    drawTitle(over: frame, metrics: metrics, into: &drawing.body)
    drawCells(
      heatmap, columns: columns, frame: frame, cells: cells, colors: colors, into: &drawing.body)
    drawHeatmapLabels(
      rowNames: rowNames, columnNames: columnNames, strides: (rowStride, columnStride),
      rotated: rotated, frame: frame, cells: (cells.cellW, cells.cellH), metrics: metrics,
      into: &drawing.body)
    let xLabelBaseline =
      cells.bottom + (rotated ? columnLabelWidth * 0.71 + metrics.font * 0.8 : metrics.font * 1.2)
      + metrics.tickLength + metrics.tickGap + metrics.axisLabelHeight(xLabel) - metrics.font * 0.3
    drawAxisLabels(
      frame: frame, xLabelBaseline: xLabelBaseline, metrics: metrics, into: &drawing.body)
    colors.draw(
      x: frame.right + 16, top: frame.top, bottom: frame.top + max(gridHeight, 80),
      label: colorLabel,
      metrics: metrics, into: &drawing.body)
    return drawing
  }

  private func drawCells(
    _ heatmap: Heatmap, columns: Int, frame: Frame,
    cells: (cellW: Double, cellH: Double, bottom: Double),
    colors: ColorScale, into svg: inout SVGWriter
  ) {
    let n = SVGWriter.number
    svg.open("g", [("class", "cells"), ("shape-rendering", "crispEdges")])
    for row in 0..<heatmap.values.count {
      let y = frame.top + Double(row) * cells.cellH
      for column in 0..<columns {
        let value = column < heatmap.values[row].count ? heatmap.values[row][column] : .nan
        svg.element(
          "rect",
          [
            ("class", "cell"), ("x", n(frame.left + Double(column) * cells.cellW)), ("y", n(y)),
            ("width", n(cells.cellW)), ("height", n(cells.cellH)),
            ("fill", colors.color(value).hex),
          ])
      }
    }
    svg.close("g")
    svg.element(
      "rect",
      [
        ("class", "frame"), ("x", n(frame.left)), ("y", n(frame.top)), ("width", n(frame.width)),
        ("height", n(frame.height)), ("fill", "none"), ("stroke", Color.axis.hex),
        ("stroke-width", "0.75"),
      ])
  }

  private func drawHeatmapLabels(
    rowNames: [String], columnNames: [String], strides: (row: Int, column: Int), rotated: Bool,
    frame: Frame, cells: (width: Double, height: Double), metrics: Metrics,
    into svg: inout SVGWriter
  ) {
    let n = SVGWriter.number
    let tick: [(String, String)] = [
      ("class", "tick"), ("stroke", Color.axis.hex), ("stroke-width", "1"),
    ]
    for (row, name) in rowNames.enumerated() where row % strides.row == 0 {
      let y = frame.top + (Double(row) + 0.5) * cells.height
      svg.element(
        "line",
        tick + [
          ("x1", n(frame.left - metrics.tickLength)), ("y1", n(y)), ("x2", n(frame.left)),
          ("y2", n(y)),
        ])
      svg.element(
        "text",
        [
          ("class", "tick-label"), ("x", n(frame.left - metrics.tickLength - metrics.tickGap)),
          ("y", n(y + metrics.font * 0.35)), ("text-anchor", "end"),
        ], content: name)
    }
    for (column, name) in columnNames.enumerated() where column % strides.column == 0 {
      let x = frame.left + (Double(column) + 0.5) * cells.width
      svg.element(
        "line",
        tick + [
          ("x1", n(x)), ("y1", n(frame.bottom)), ("x2", n(x)),
          ("y2", n(frame.bottom + metrics.tickLength)),
        ])
      let y =
        frame.bottom + metrics.tickLength + metrics.tickGap + metrics.font * (rotated ? 0.6 : 0.9)
      var attributes: [(String, String)] = [("class", "tick-label"), ("x", n(x)), ("y", n(y))]
      if rotated {
        attributes += [("text-anchor", "end"), ("transform", "rotate(-45 \(n(x)) \(n(y)))")]
      } else {
        attributes += [("text-anchor", "middle")]
      }
      svg.element("text", attributes, content: name)
    }
  }

  /// The given labels, or "0", "1", … when absent or of the wrong count (with a note).
  private func labels(_ given: [String]?, count: Int, axis: String, notes: inout [String])
    -> [String]
  {
    if let given, given.count == count { return given.map { Self.truncated($0, 24) } }
    if let given {
      notes.append("\(given.count) \(axis) labels for \(count) \(axis)s; numbered instead.")
    }
    return (0..<count).map(String.init)
  }

  /// Every k-th label, k from 1, 2, 5, 10, 20, 50, …, so labels `needed` pixels wide fit
  /// cells `cell` pixels apart.
  static func labelStride(cell: Double, needed: Double) -> Int {
    guard cell > 0, needed > cell else { return 1 }
    var stride = 1
    var multipliers = [2, 5, 10].makeIterator()
    var base = 1
    while Double(stride) * cell < needed && stride < 1_000_000 {
      guard let m = multipliers.next() else {
        base *= 10
        multipliers = [2, 5, 10].makeIterator()
        continue
      }
      stride = base * m
    }
    return stride
  }
}
