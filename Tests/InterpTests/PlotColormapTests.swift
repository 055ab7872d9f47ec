import Testing

@testable import Interp

@Suite struct PlotColormapTests {
  // References: the published viridis table (matplotlib _cm_listed.py, CC0) entries 0, 128
  // and 255 — (0.267004, 0.004874, 0.329415), (0.127568, 0.566949, 0.550556),
  // (0.993248, 0.906157, 0.143936) — times 255, rounded; ColorBrewer RdBu-11 end and middle
  // classes #053061, #f7f7f7, #67001f.

  @Test func viridisEndpointsAndMiddleMatchThePublishedTable() {
    #expect(Plot.Colormap.viridis.color(at: 0).hex == "#440154")
    #expect(Plot.Colormap.viridis.color(at: 128.0 / 255).hex == "#21918c")
    #expect(Plot.Colormap.viridis.color(at: 1).hex == "#fde725")
  }

  @Test func divergingIsBlueAtMinusWhiteishAtZeroRedAtPlus() {
    #expect(Plot.Colormap.diverging.color(at: 0).hex == "#053061")
    #expect(Plot.Colormap.diverging.color(at: 0.5).hex == "#f7f7f7")
    #expect(Plot.Colormap.diverging.color(at: 1).hex == "#67001f")
  }

  @Test func outOfRangeAndNaNAreClamped() {
    let map = Plot.Colormap.viridis
    #expect(map.color(at: -3) == map.color(at: 0))
    #expect(map.color(at: 7) == map.color(at: 1))
    #expect(map.color(at: .nan) == map.color(at: 0))
  }

  @Test func viridisLightnessIncreasesMonotonically() {
    // Perceptual uniformity implies monotone luminance; Rec. 709 luma is a fair proxy.
    var previous = -1.0
    for i in 0...100 {
      let c = Plot.Colormap.viridis.color(at: Double(i) / 100)
      let luma = 0.2126 * Double(c.red) + 0.7152 * Double(c.green) + 0.0722 * Double(c.blue)
      #expect(luma >= previous - 0.5)
      previous = luma
    }
  }

  @Test func signedDataGetsASymmetricDivergingScale() {
    let scale = Plot.ColorScale(
      values: [-0.3, 0.9, .nan], colormap: nil, range: nil, barLength: 200)
    #expect(scale.colormap.isDiverging)
    #expect(scale.range == -0.9...0.9)
    #expect(scale.color(0).hex == "#f7f7f7")
    #expect(scale.color(.nan) == Plot.Color.missing)
    let positive = Plot.ColorScale(values: [0, 2], colormap: nil, range: nil, barLength: 200)
    #expect(positive.colormap == .viridis)
    #expect(positive.color(2).hex == "#fde725")
  }

  @Test func colorsPrintAsLowercaseHex() {
    #expect(Plot.Color(hex: 0x0A0B0C).hex == "#0a0b0c")
    #expect(Plot.Color(red: 255, green: 0, blue: 128).hex == "#ff0080")
  }
}
