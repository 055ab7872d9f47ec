import Foundation

extension Plot {
  /// Maps data values along one axis to pixel positions.
  struct Axis {
    var ticks: Ticks
    var scale: Scale
    /// The pixel position of `ticks.domain.lowerBound`.
    var start: Double
    /// The pixel position of `ticks.domain.upperBound`.
    var end: Double

    /// The pixel position of `value`; values outside the domain extrapolate (the plot area
    /// clips them).
    func position(_ value: Double) -> Double {
      let (lo, hi) = (ticks.domain.lowerBound, ticks.domain.upperBound)
      let t: Double
      switch scale {
      case .linear:
        t = hi > lo ? (value - lo) / (hi - lo) : 0.5
      case .log:
        let (a, b) = (Foundation.log10(lo), Foundation.log10(hi))
        t = b > a && value > 0 ? (Foundation.log10(value) - a) / (b - a) : 0.5
      }
      return start + (end - start) * t
    }

    /// Ticks for data spanning `bounds` (nil when there is no data) on `scale`, honouring
    /// user `limits`; `length` is the axis length in pixels, which sets how many ticks fit.
    static func ticks(
      for bounds: ClosedRange<Double>?, scale: Scale, limits: ClosedRange<Double>?,
      length: Double, spacing: Double
    ) -> Ticks {
      let target = min(max(Int(length / spacing), 3), 10)
      switch scale {
      case .linear:
        if let limits {
          return .linear(inside: limits.lowerBound, limits.upperBound, target: target)
        }
        let bounds = bounds ?? 0...1
        return .linear(covering: bounds.lowerBound, bounds.upperBound, target: target)
      case .log:
        var ticks: Ticks
        if let limits, limits.lowerBound > 0 {
          ticks = .log(covering: limits.lowerBound, limits.upperBound, maxLabels: target)
          let keep = ticks.values.indices.filter { limits.contains(ticks.values[$0]) }
          ticks.domain = limits
          ticks.labels = keep.map { ticks.labels[$0] }
          ticks.values = keep.map { ticks.values[$0] }
          ticks.minor = ticks.minor.filter { limits.contains($0) }
        } else {
          let bounds = bounds ?? 1...10
          ticks = .log(covering: bounds.lowerBound, bounds.upperBound, maxLabels: target)
        }
        return ticks
      }
    }
  }
}
