import Foundation

extension Plot {
  /// The tick marks of one axis and the value range the axis spans.
  ///
  /// Linear ticks step by 1, 2 or 5 times a power of ten (Heckbert, "Nice numbers for graph
  /// labels", Graphics Gems, 1990); log ticks sit at decades.
  struct Ticks: Hashable, Sendable {
    /// The values at the two ends of the axis.
    var domain: ClosedRange<Double>
    /// Labelled tick positions, increasing, all inside `domain`.
    var values: [Double]
    /// One label per value.
    var labels: [TickLabel]
    /// Unlabelled short ticks (2×…9× between decades on a log axis).
    var minor: [Double] = []

    /// Ticks for data in `lo...hi`, extending the domain outward to the nearest ticks so the
    /// axis ends on labelled values. A constant range is widened around its value.
    static func linear(covering lo: Double, _ hi: Double, target: Int) -> Ticks {
      guard let (lo, hi) = widened(lo, hi) else { return fallback(lo, hi) }
      let (m, exponent) = niceStep((hi - lo) / Double(max(target - 1, 1)))
      let step = decimalValue(m, exponent: exponent)
      let first = (lo / step + 1e-9).rounded(.down)
      let last = (hi / step - 1e-9).rounded(.up)
      guard first.magnitude < 1e15, last.magnitude < 1e15 else { return fallback(lo, hi) }
      return grid(Int(first)...Int(last), m: m, exponent: exponent)
    }

    /// Ticks inside a fixed `lo...hi` (user limits, a colour bar): the domain stays as given.
    static func linear(inside lo: Double, _ hi: Double, target: Int) -> Ticks {
      guard let (wideLo, wideHi) = widened(lo, hi) else { return fallback(lo, hi) }
      var count = max(target, 2)
      while count <= 4 * max(target, 2) {
        let (m, exponent) = niceStep((wideHi - wideLo) / Double(count - 1))
        let step = decimalValue(m, exponent: exponent)
        let first = (wideLo / step - 1e-9).rounded(.up)
        let last = (wideHi / step + 1e-9).rounded(.down)
        guard first.magnitude < 1e15, last.magnitude < 1e15 else { break }
        if last > first {
          var ticks = grid(Int(first)...Int(last), m: m, exponent: exponent)
          ticks.domain = wideLo...wideHi
          return ticks
        }
        count += 1
      }
      return fallback(wideLo, wideHi)
    }

    /// Log-axis ticks for positive data in `lo...hi`: the domain hugs the data (padded 3% in
    /// log space) and decades inside it are labelled `10^e`, thinned to at most `maxLabels`;
    /// 2×…9× decades are minor ticks. A range with fewer than two decades inside labels the
    /// 1-2-5 multiples, then every multiple, then just its ends.
    static func log(covering lo: Double, _ hi: Double, maxLabels: Int) -> Ticks {
      guard lo > 0, hi >= lo, hi.isFinite else { return log(covering: 1, 10, maxLabels: maxLabels) }
      var (a, b) = (Foundation.log10(lo), Foundation.log10(hi))
      if b - a < 1e-9 { (a, b) = (a - 0.2, b + 0.2) }
      let pad = (b - a) * 0.03
      (a, b) = (a - pad, b + pad)
      let domain = Foundation.pow(10, a)...Foundation.pow(10, b)
      let first = Int((a - 1e-9).rounded(.up))
      let last = Int((b + 1e-9).rounded(.down))
      let multiples = (first - 1...last).flatMap { e in (1...9).map { (k: $0, e: e) } }
        .filter { domain.contains(decimalValue($0.k, exponent: $0.e)) }
      let decades = multiples.filter { $0.k == 1 }
      var labelled: [(k: Int, e: Int)]
      if decades.count >= 2 {
        let stride = max(1, Int((Double(decades.count) / Double(max(maxLabels, 2))).rounded(.up)))
        labelled = decades.filter { $0.e % stride == 0 }
        if labelled.count < 2 { labelled = decades }
        var ticks = Ticks(
          domain: domain, values: labelled.map { decimalValue(1, exponent: $0.e) },
          labels: labelled.map { TickLabel("10", superscript: signed($0.e)) })
        // Minor ticks only while they stay legible: 2×…9× for consecutive decades, the
        // skipped decades for a stride of 2 or 3, none beyond.
        let minor =
          stride == 1
          ? multiples.filter { $0.k != 1 }
          : stride <= 3 ? decades.filter { $0.e % stride != 0 } : []
        ticks.minor = minor.map { decimalValue($0.k, exponent: $0.e) }
        return ticks
      }
      labelled = multiples.filter { [1, 2, 5].contains($0.k) }
      if labelled.count < 2 { labelled = multiples }
      guard labelled.count >= 2 else {
        return Ticks(
          domain: domain, values: [domain.lowerBound, domain.upperBound],
          labels: [compactLabel(domain.lowerBound), compactLabel(domain.upperBound)])
      }
      let chosen = Set(labelled.map { $0.k * 1000 + $0.e })
      let plain = labelled.allSatisfy { $0.e >= -3 && $0.e < 5 }
      return Ticks(
        domain: domain, values: labelled.map { decimalValue($0.k, exponent: $0.e) },
        labels: labelled.map {
          if plain { return decimalLabel($0.k, exponent: $0.e, scientific: false) }
          return decimalLabel($0.k, exponent: $0.e, scientific: true)
        },
        minor: multiples.filter { !chosen.contains($0.k * 1000 + $0.e) }
          .map { decimalValue($0.k, exponent: $0.e) })
    }

    /// Labelled ticks `k × m × 10^exponent` for k in `range`, sharing one notation.
    private static func grid(_ range: ClosedRange<Int>, m: Int, exponent: Int) -> Ticks {
      let ns = range.map { $0 * m }
      let largest = ns.map(\.magnitude).max() ?? 0
      let magnitude = exponent + String(largest).count - 1
      let scientific = exponent < -4 || magnitude >= 6
      let values = ns.map { decimalValue($0, exponent: exponent) }
      return Ticks(
        domain: (values.first ?? 0)...(values.last ?? 1), values: values,
        labels: ns.map { decimalLabel($0, exponent: exponent, scientific: scientific) })
    }

    /// The 1-2-5 step nearest to `raw`, as (mantissa, power of ten).
    static func niceStep(_ raw: Double) -> (Int, Int) {
      guard raw > 0, raw.isFinite else { return (1, 0) }
      var exponent = floorLog10(raw)
      let fraction = raw / pow10(exponent)
      let m: Int
      if fraction < 1.5 {
        m = 1
      } else if fraction < 3 {
        m = 2
      } else if fraction < 7 {
        m = 5
      } else {
        m = 1
        exponent += 1
      }
      return (m, exponent)
    }

    /// `lo...hi` with a constant range opened up (±10%, or ±1 around zero); nil when the
    /// range is not finite, so the caller falls back to labelling the two ends.
    private static func widened(_ lo: Double, _ hi: Double) -> (Double, Double)? {
      guard lo.isFinite, hi.isFinite, (hi - lo).isFinite else { return nil }
      let (lo, hi) = lo <= hi ? (lo, hi) : (hi, lo)
      let scale = max(lo.magnitude, hi.magnitude)
      if hi - lo > scale * 1e-12 { return (lo, hi) }
      let pad = scale == 0 ? 1 : scale * 0.1
      return (lo - pad, hi + pad)
    }

    /// Two ticks at the ends, for ranges too extreme for a decimal grid.
    private static func fallback(_ lo: Double, _ hi: Double) -> Ticks {
      let lo = lo.isFinite ? lo : -Double.greatestFiniteMagnitude
      let hi = hi.isFinite ? hi : Double.greatestFiniteMagnitude
      let (a, b) = lo < hi ? (lo, hi) : (lo - 1, lo + 1)
      return Ticks(domain: a...b, values: [a, b], labels: [compactLabel(a), compactLabel(b)])
    }
  }
}
