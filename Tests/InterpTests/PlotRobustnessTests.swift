import FoundationXML
import Testing

@testable import Interp

@Suite struct PlotRobustnessTests {
  /// Every geometric attribute of every element is a finite number.
  private func expectFiniteGeometry(_ svg: ParsedSVG, _ context: String) throws {
    let geometry = [
      "x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "width", "height", "r", "font-size",
    ]
    for element in try svg.elements("*") {
      for name in geometry {
        guard let text = element.value(name), !text.hasSuffix("%") else { continue }
        #expect(Double(text)?.isFinite == true, "\(context): \(name)=\(text)")
      }
    }
  }

  @Test func seededRandomDataAlwaysGivesWellFormedFiniteSVG() throws {
    var rng = SplitMix64(seed: 99)
    let specials: [Double] = [
      .nan, .infinity, -.infinity, 0, -0.0, 1e308, -1e308, .leastNonzeroMagnitude, 1e-300,
    ]
    func value() -> Double {
      rng.next() % 10 == 0
        ? specials[Int(rng.next() % UInt64(specials.count))]
        : (Double(rng.next() >> 11) / Double(1 << 53) - 0.3) * Plot.pow10(Int(rng.next() % 12) - 6)
    }
    for trial in 0..<25 {
      let n = Int(rng.next() % 30)
      let xs = (0..<n).map { _ in value() }
      let ys = (0..<n).map { _ in value() }
      var line = Plot.line([.init("s", x: xs, y: ys), .init(y: ys)])
      line.xScale = trial % 2 == 0 ? .log : .linear
      line.yScale = trial % 3 == 0 ? .log : .linear
      let scatter = Plot.scatter(x: xs, y: ys, colorBy: ys)
      let rows = Int(rng.next() % 6)
      let heatmap = Plot.heatmap(
        (0..<rows).map { _ in (0..<Int(rng.next() % 6)).map { _ in value() } })
      let bars = Plot.bar(labels: xs.map { "\($0)" }, values: ys, errors: xs)
      for (name, plot) in [
        ("line", line), ("scatter", scatter), ("heatmap", heatmap), ("bars", bars),
      ] {
        let svg = try ParsedSVG(plot.svg)
        try expectFiniteGeometry(svg, "\(name) trial \(trial)")
      }
    }
  }

  @Test func extremeHeatmapShapesRender() throws {
    let tall = Plot.heatmap([[Double]](repeating: [1, 2], count: 300))
    let wide = Plot.heatmap([(0..<300).map(Double.init)])
    #expect(try ParsedSVG(tall.svg).count("rect", class: "cell") == 600)
    #expect(try ParsedSVG(wide.svg).count("rect", class: "cell") == 300)
  }
}
