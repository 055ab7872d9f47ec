import Foundation
import FoundationXML
import Testing

@testable import Interp

@Suite struct PlotSVGTests {
  @Test func linePlotHasOnePathPerSeriesAndALegendEntryEach() throws {
    let plot = Plot.line(
      [
        .init("train", y: [3, 2, 1.5, 1.2]), .init("eval", y: [3.1, 2.4, 2, 1.9]),
        .init("probe", y: [1, 1, 1, 1]),
      ],
      title: "Loss", xLabel: "step", yLabel: "loss")
    let svg = try ParsedSVG(plot.svg)
    #expect(try svg.count("path", class: "series") == 3)
    #expect(try svg.elements("g", class: "legend").first?.elements(forName: "text").count == 3)
    #expect(try svg.elements("text", class: "title").first?.stringValue == "Loss")
    #expect(try svg.notes().isEmpty)
  }

  @Test func lineEndpointsLandOnTheAxisCorners() throws {
    // Data (0,0)–(1,1) spans exactly the [0, 1] × [0, 1] tick domain, so the path must start
    // where the spines meet and end at the top right of the plot area.
    let svg = try ParsedSVG(Plot.line(x: [0.0, 1], y: [0.0, 1]).svg)
    let d = try #require(try svg.elements("path", class: "series").first?.value("d"))
    let numbers = d.split(whereSeparator: { "ML ".contains($0) }).compactMap { Double($0) }
    let spines = try svg.elements("line", class: "spine")
    let bottom = try #require(spines.first { $0.number("y1") == $0.number("y2") })
    let left = try #require(spines.first { $0.number("x1") == $0.number("x2") })
    #expect(
      numbers
        == [bottom.number("x1"), bottom.number("y1"), bottom.number("x2"), left.number("y1")]
        .compactMap { $0 })
  }

  @Test func scatterHasOneCircleperPointAndAColorBarForValues() throws {
    let x = [0.0, 1, 2, 3, 4]
    let plot = Plot.scatter(x: x, y: x.map { $0 * $0 }, colorBy: [-1.0, -0.5, 0, 0.5, 1])
    let svg = try ParsedSVG(plot.svg)
    #expect(try svg.count("circle", class: "point") == 5)
    #expect(try svg.count("rect", class: "colorbar") == 1)
    let fills = try svg.elements("circle", class: "point").compactMap { $0.value("fill") }
    #expect(fills.first == "#053061" && fills[2] == "#f7f7f7" && fills.last == "#67001f")
  }

  @Test func heatmapHasOneRectPerCellAndLabels() throws {
    let plot = Plot.heatmap(
      [[0.1, 0.2, 0.3, 0.4], [0.5, 0.6, 0.7, 0.8], [0.9, 1.0, 0.0, 0.5]],
      rowLabels: ["a", "b", "c"], columnLabels: ["w", "x", "y", "z"])
    let svg = try ParsedSVG(plot.svg)
    let cells = try svg.elements("rect", class: "cell")
    #expect(cells.count == 12)
    #expect(cells[0].value("fill") == Plot.Colormap.viridis.color(at: 0.1).hex)
    #expect(cells[10].value("fill") == "#440154")
    let labels = try svg.elements("text", class: "tick-label").compactMap(\.stringValue)
    #expect(Set(["a", "b", "c", "w", "x", "y", "z"]).isSubset(of: Set(labels)))
  }

  @Test func flatHeatmapIsRowMajor() throws {
    let flat: [Float] = [0, 1, 2, 3, 4, 5]
    let svg = try ParsedSVG(Plot.heatmap(flat: flat, rows: 2, columns: 3).svg)
    let fills = try svg.elements("rect", class: "cell").compactMap { $0.value("fill") }
    // Row 0 is [0, 1, 2]: the first cell is the bottom of viridis; (1, 2) = 5 is the top.
    #expect(fills.count == 6)
    #expect(fills.first == "#440154" && fills.last == "#fde725")
    #expect(fills[2] == Plot.Colormap.viridis.color(at: 0.4).hex)
  }

  @Test func barChartHasOneRectPerBarAndOneErrorBarPerInterval() throws {
    let plot = Plot.bar(
      labels: ["SAE", "probe", "random"], values: [0.81, 0.86, 0.52],
      intervals: [0.76...0.85, 0.83...0.89, 0.47...0.57])
    let svg = try ParsedSVG(plot.svg)
    #expect(try svg.count("rect", class: "bar") == 3)
    #expect(try svg.count("path", class: "error-bar") == 3)
    let heights = try svg.elements("rect", class: "bar").compactMap { $0.number("height") }
    // Bars start at zero, so their heights are proportional to the values.
    #expect(abs(heights[0] / heights[2] - 0.81 / 0.52) < 0.01)
  }

  @Test func textIsEscapedAndTheDocumentStillParses() throws {
    #expect(
      Plot.SVGWriter.escape("a<b & \"c\" 'd'>") == "a&lt;b &amp; &quot;c&quot; &apos;d&apos;&gt;")
    #expect(Plot.SVGWriter.escape("bell\u{07}tab\t") == "bell\u{FFFD}tab\t")
    let nasty = "<script>alert('x') & \"]]>\u{01}"
    let plot = Plot.line([.init(nasty, y: [1, 2])], title: nasty, xLabel: nasty, yLabel: nasty)
    let svg = try ParsedSVG(plot.svg)
    #expect(
      try svg.elements("text", class: "title").first?.stringValue
        == "<script>alert('x') & \"]]>\u{FFFD}")
    #expect(try svg.count("script") == 0)
  }

  @Test func coordinatesAreShortAndExact() {
    #expect(Plot.SVGWriter.number(12.5) == "12.5")
    #expect(Plot.SVGWriter.number(-3) == "-3")
    #expect(Plot.SVGWriter.number(0.049) == "0.05")
    #expect(Plot.SVGWriter.number(-0.001) == "0")
    #expect(Plot.SVGWriter.number(.nan) == "0")
  }

  @Test func longTitlesAndLegendNamesAreShortenedToFit() throws {
    var plot = Plot.line(
      [.init(String(repeating: "long series name ", count: 10), y: [1.0, 2])],
      title: String(repeating: "a very long title ", count: 10))
    plot.width = 400
    let svg = try ParsedSVG(plot.svg)
    let title = try #require(try svg.elements("text", class: "title").first?.stringValue)
    #expect(title.hasSuffix("\u{2026}") && title.count < 60)
    let legend = try #require(
      try svg.elements("g", class: "legend").first?.elements(forName: "text").first)
    #expect(legend.stringValue?.hasSuffix("\u{2026}") == true)
    #expect(Plot.textWidthInEms(legend.stringValue ?? "") * 12 < 400 * 0.3)
  }

  @Test func sameInputGivesSameBytes() {
    let make = { Plot.line([.init("a", y: [1.0, 2, 3])], title: "t") }
    var limited = make()
    limited.yLimits = 0...2
    #expect(make().svg == make().svg)
    #expect(limited.svg == limited.svg)
    #expect(!limited.svg.contains("@RIGOR-ID@") && limited.svg.contains("clip-path=\"url(#rigor-"))
  }
}

@Suite struct PlotEdgeCaseTests {
  @Test func emptyPlotsRenderWithANote() throws {
    let plots: [Plot] = [
      .line([Plot.Series]()), .scatter([Plot.Series]()), .heatmap([[Double]]()),
      .bar(labels: [], values: [Double]()),
    ]
    for plot in plots {
      let svg = try ParsedSVG(plot.svg)
      #expect(try svg.notes().contains("Note: No data."))
    }
    let emptySeries = try ParsedSVG(Plot.line([.init("a", y: [Double]())]).svg)
    #expect(try emptySeries.count("path", class: "series") == 0)
    #expect(try emptySeries.notes() == ["Note: Series \u{201C}a\u{201D} is empty."])
  }

  @Test func singlePointIsDrawnAsADot() throws {
    let svg = try ParsedSVG(Plot.line(y: [0.5]).svg)
    #expect(try svg.count("path", class: "series") == 0)
    #expect(try svg.count("circle", class: "point") == 1)
  }

  @Test func constantDataGetsARealAxis() throws {
    let svg = try ParsedSVG(Plot.line(y: [2.0, 2, 2, 2]).svg)
    let labels = try svg.elements("text", class: "tick-label").compactMap(\.stringValue)
    #expect(labels.contains("2"))
    #expect(try svg.count("path", class: "series") == 1)
  }

  @Test func nonFiniteValuesAreSkippedBreakingTheLine() throws {
    let plot = Plot.line(y: [1.0, 2, .nan, 3, 4, .infinity, 5])
    let svg = try ParsedSVG(plot.svg)
    let d = try #require(try svg.elements("path", class: "series").first?.value("d"))
    #expect(d.filter { $0 == "M" }.count == 2)  // [1, 2] and [3, 4]; the lone 5 is a dot
    #expect(try svg.count("circle", class: "point") == 1)
    #expect(try svg.notes() == ["Note: 2 NaN or infinite values skipped."])
    let geometry = ["x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "width", "height"]
    let elements = try svg.elements("*")
    #expect(elements.count > 20)
    for element in elements {
      for name in geometry {
        guard let text = element.value(name) else { continue }
        #expect(Double(text)?.isFinite == true, "\(name)=\(text)")
      }
    }
  }

  @Test func notesUseSingularForOne() throws {
    let svg = try ParsedSVG(Plot.line(y: [1.0, .nan, 2]).svg)
    #expect(try svg.notes() == ["Note: 1 NaN or infinite value skipped."])
  }

  @Test func nonPositiveValuesOnALogAxisAreSkippedWithANote() throws {
    var plot = Plot.line(y: [1.0, 0.1, 0, -2, 0.01])
    plot.yScale = .log
    let svg = try ParsedSVG(plot.svg)
    #expect(try svg.notes() == ["Note: 2 points with y \u{2264} 0 skipped (log y axis)."])
    #expect(try svg.count("path", class: "series") == 1)
  }

  @Test func raggedAndNonFiniteHeatmapCellsAreGrey() throws {
    let plot = Plot.heatmap([[1.0, .nan, 3], [4.0]])
    let svg = try ParsedSVG(plot.svg)
    let cells = try svg.elements("rect", class: "cell")
    #expect(cells.count == 6)
    let grey = cells.filter { $0.value("fill") == Plot.Color.missing.hex }
    #expect(grey.count == 3)
    #expect(try svg.notes().count == 2)
  }

  @Test func nonFiniteBarsAreSkipped() throws {
    let plot = Plot.bar(
      labels: ["a", "b", "c"], values: [1.0, .nan, -2], errors: [0.1, 0.1, .infinity])
    let svg = try ParsedSVG(plot.svg)
    #expect(try svg.count("rect", class: "bar") == 2)
    #expect(try svg.count("path", class: "error-bar") == 1)
    #expect(try svg.count("line", class: "zero") == 1)
    #expect(try svg.notes().count == 2)
  }

  @Test func absurdSizesFallBackToDefaults() throws {
    var plot = Plot.line(y: [1.0, 2])
    plot.width = .nan
    plot.height = -5
    plot.fontSize = 0
    let root = try #require(try ParsedSVG(plot.svg).document.rootElement())
    #expect(root.value("width") == "640")
    #expect(root.value("height") == "420")
  }

  @Test func floatInputsMatchDoubleInputs() {
    let floats: [Float] = [0.5, 0.25, 0.125]
    #expect(Plot.line(y: floats).svg == Plot.line(y: floats.map(Double.init)).svg)
  }
}
