import Foundation

/// Number formatting for judgement reasons: short, yet never hiding the difference that decided.
enum ReasonFormat {
  /// Formats numbers that appear in one sentence together: 4 significant digits, more when two
  /// different values would otherwise print alike (a bound of 0.0100001 next to a margin of
  /// 0.01 must not read "0.01 > 0.01").
  static func numbers(_ values: [Double]) -> [String] {
    for digits in 4...17 {
      let texts = values.map { format($0, digits: digits) }
      var clash = false
      for i in values.indices {
        for j in values.indices where j > i && values[i] != values[j] && texts[i] == texts[j] {
          clash = true
        }
      }
      if !clash { return texts }
    }
    return values.map { format($0, digits: 17) }
  }

  /// One number at 4 significant digits.
  static func number(_ value: Double) -> String { format(value, digits: 4) }

  static func format(_ value: Double, digits: Int) -> String {
    if value == 0 { return "0" }  // also turns -0 into 0
    if value.isNaN { return "nan" }
    if value.isInfinite { return value > 0 ? "inf" : "-inf" }
    return String(format: "%.\(digits)g", value)
  }

  /// "seed 3" or "seeds 2, 5 and 7", listing at most `limit` seeds.
  static func seeds(_ seeds: [Int], limit: Int = 8) -> String {
    guard !seeds.isEmpty else { return "no seeds" }
    let shown = seeds.prefix(limit).map(String.init)
    let more = seeds.count > limit ? " and \(seeds.count - limit) more" : ""
    if seeds.count == 1 { return "seed \(shown[0])" }
    if seeds.count <= limit {
      return "seeds " + shown.dropLast().joined(separator: ", ") + " and " + shown.last!
    }
    return "seeds " + shown.joined(separator: ", ") + more
  }

  /// "1 seed" / "5 seeds".
  static func count(_ n: Int, _ noun: String) -> String {
    n == 1 ? "1 \(noun)" : "\(n) \(noun)s"
  }
}
