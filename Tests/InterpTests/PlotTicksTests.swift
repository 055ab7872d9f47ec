import Testing

@testable import Interp

@Suite struct PlotTicksTests {
  // Expected ticks below are worked out by hand from the 1-2-5 rule: step = the 1, 2 or 5
  // multiple of a power of ten nearest to range / (target - 1), axis ends rounded outward.

  @Test func unitRangeStepsByTwoTenths() {
    let ticks = Plot.Ticks.linear(covering: 0, 1, target: 6)
    #expect(ticks.values == [0, 0.2, 0.4, 0.6, 0.8, 1])
    #expect(ticks.labels.map(\.plain) == ["0", "0.2", "0.4", "0.6", "0.8", "1"])
    #expect(ticks.domain == 0...1)
  }

  @Test func smallPositiveRangeStepsByTwoHundredths() {
    // (0.0871 - 0.0013) / 5 = 0.01716 → 2 × 10⁻²; outward to 0 and 0.1.
    let ticks = Plot.Ticks.linear(covering: 0.0013, 0.0871, target: 6)
    #expect(ticks.values == [0, 0.02, 0.04, 0.06, 0.08, 0.1])
    #expect(ticks.labels.map(\.plain) == ["0", "0.02", "0.04", "0.06", "0.08", "0.1"])
  }

  @Test func signedRangeStepsByFiveWithTypographicMinus() {
    // 20 / 5 = 4 → 5; outward to −5 and 20.
    let ticks = Plot.Ticks.linear(covering: -3, 17, target: 6)
    #expect(ticks.values == [-5, 0, 5, 10, 15, 20])
    #expect(ticks.labels.map(\.plain) == ["\u{2212}5", "0", "5", "10", "15", "20"])
  }

  @Test func constantRangeIsWidenedAroundTheValue() {
    for value in [5.0, 0, -0.003, 1e9] {
      let ticks = Plot.Ticks.linear(covering: value, value, target: 6)
      #expect(ticks.values.count >= 2)
      #expect(ticks.domain.lowerBound < value && value < ticks.domain.upperBound)
      #expect(zip(ticks.values, ticks.values.dropFirst()).allSatisfy { $0 < $1 })
    }
  }

  @Test func seededRandomRangesGetOneTwoFiveStepsCoveringTheData() {
    var rng = SplitMix64(seed: 42)
    for _ in 0..<500 {
      let scale = Plot.pow10(Int(rng.next() % 16) - 8)
      let a = (Double(rng.next() >> 11) / Double(1 << 53) - 0.5) * 20 * scale
      let b = a + Double(rng.next() >> 11) / Double(1 << 53) * 10 * scale
      let ticks = Plot.Ticks.linear(covering: a, b, target: 6)
      #expect(ticks.domain.lowerBound <= a && b <= ticks.domain.upperBound)
      #expect(ticks.values.count >= 3 && ticks.values.count <= 12, "\(a)...\(b): \(ticks.values)")
      let step = ticks.values[1] - ticks.values[0]
      let mantissa = step / Plot.pow10(Plot.floorLog10(step))
      #expect([1, 2, 5, 10].contains { abs(mantissa - Double($0)) < 1e-6 }, "step \(step)")
      for value in ticks.values {
        let k = value / step
        #expect(abs(k - k.rounded()) < 1e-6, "\(value) is not a multiple of \(step)")
      }
    }
  }

  @Test func insideTicksKeepTheGivenDomain() {
    let ticks = Plot.Ticks.linear(inside: 0.13, 0.87, target: 5)
    #expect(ticks.domain == 0.13...0.87)
    #expect(ticks.values == [0.2, 0.4, 0.6, 0.8])
  }

  @Test func tinyAndHugeValuesUseScientificLabels() {
    let tiny = Plot.Ticks.linear(covering: 0, 4e-6, target: 5)
    #expect(
      tiny.labels.map(\.plain) == [
        "0", "10^\u{2212}6", "2\u{00D7}10^\u{2212}6", "3\u{00D7}10^\u{2212}6",
        "4\u{00D7}10^\u{2212}6",
      ])
    let huge = Plot.Ticks.linear(covering: 0, 3e7, target: 4)
    #expect(huge.labels.map(\.plain) == ["0", "10^7", "2\u{00D7}10^7", "3\u{00D7}10^7"])
  }

  @Test func decimalLabelsAreExactDigits() {
    #expect(Plot.decimalLabel(6, exponent: -2, scientific: false).plain == "0.06")
    #expect(Plot.decimalLabel(-15, exponent: -1, scientific: false).plain == "\u{2212}1.5")
    #expect(Plot.decimalLabel(120, exponent: 1, scientific: false).plain == "1200")
    #expect(
      Plot.decimalLabel(25, exponent: -7, scientific: true).plain == "2.5\u{00D7}10^\u{2212}6")
    #expect(Plot.decimalValue(6, exponent: -2) == 0.06)
    #expect(Plot.decimalValue(3, exponent: -1) == 0.3)
    #expect(Plot.compactLabel(123_456_789).plain == "1.235\u{00D7}10^8")
    #expect(Plot.compactLabel(0.5).plain == "0.5")
    #expect(Plot.compactLabel(.nan).plain == "NaN")
  }

  @Test func floorLog10IsExactAtPowersOfTen() {
    for e in -20...20 {
      #expect(Plot.floorLog10(Plot.pow10(e)) == e)
      #expect(Plot.floorLog10(Plot.pow10(e) * 0.999) == e - 1)
    }
  }

  @Test func logTicksLabelDecadesInsideTheData() {
    let ticks = Plot.Ticks.log(covering: 0.05, 2.7, maxLabels: 6)
    #expect(ticks.values == [0.1, 1])
    #expect(ticks.labels.map(\.plain) == ["10^\u{2212}1", "10^0"])
    #expect(ticks.domain.lowerBound < 0.05 && 2.7 < ticks.domain.upperBound)
    #expect(ticks.minor.contains(0.2) && ticks.minor.contains(0.09) && ticks.minor.contains(2))
    #expect(ticks.minor.allSatisfy { ticks.domain.contains($0) })
  }

  @Test func manyDecadesAreThinnedToEveryOther() {
    // Nine decades, at most five labels: every second decade.
    let ticks = Plot.Ticks.log(covering: 1e-6, 1e2, maxLabels: 5)
    #expect(ticks.values == [1e-6, 1e-4, 1e-2, 1, 100])
    #expect(ticks.minor.contains(1e-5) && ticks.minor.contains(10) && !ticks.minor.contains(2e-5))
  }

  @Test func narrowLogRangeLabelsOneTwoFive() {
    let ticks = Plot.Ticks.log(covering: 1.5, 8, maxLabels: 6)
    #expect(ticks.values == [2, 5])
    #expect(ticks.labels.map(\.plain) == ["2", "5"])
    let narrower = Plot.Ticks.log(covering: 3.1, 3.3, maxLabels: 6)
    #expect(narrower.values.count >= 2)
  }
}
