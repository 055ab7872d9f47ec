import Foundation

/// Recognises evidence anchors in a sentence: a number with a CI or ±, "n =", "p =", or a
/// figure or table reference (docs/JUDGING.md, "Prose audit"), with the numbers as written so they
/// can be checked against what was recorded.
struct ProseEvidence {
  /// A number as written: its value (x% as x/100) and the decimals written (plus 2 for %).
  struct Number: Equatable {
    var value: Double
    var decimals: Int
    var text: String

    /// Whether `recorded` rounds to this number at the precision written:
    /// |x − recorded| ≤ ½·10^−d (with a hair of slack for binary rounding).
    func matches(_ recorded: Double) -> Bool {
      let tolerance = 0.5 * pow(10, -Double(decimals))
      return abs(value - recorded) <= tolerance * (1 + 1e-9) + 1e-15
    }
  }

  /// One anchor found in a sentence.
  enum Anchor: Equatable {
    /// "0.81 ± 0.03": the number before ±.
    case plusMinus(Number)
    /// "95% CI [0.79, 0.83]": the bounds as written.
    case interval(Number, Number, text: String)
    /// A confidence interval mentioned with no interval that can be read.
    case intervalMention
    /// "n = 10".
    case count(Int, text: String)
    /// "p = 0.03", "p < 0.05": the relation and the number.
    case pValue(String, Number, text: String)
    /// "Figure 2", "Table 1": counted as written; nothing recorded says what a figure shows.
    case reference
  }

  private static let number = #"[-−]?(?:\d+(?:\.\d*)?|\.\d+)(?:\s*%)?"#
  private let plusMinus = Self.regex(#"(\#(number))\s*(?:±|\+/-|\+-)\s*\.?\d"#)
  private let bracketed = Self.regex(#"\[\s*(\#(number))\s*,\s*(\#(number))\s*\]"#)
  private let afterCI = Self.regex(#"\bCI\b\s*:?\s*\(?\s*(\#(number))\s*(?:–|—|-|to)\s*(\#(number))"#)
  private let mentionsCI = Self.regex(#"\d[^.;]*\bCI\b|\bCI\b[^.;]*\d|\bconfidence intervals?\b"#)
  private let count = Self.regex(#"\b[nN]\s*=\s*(\d+)"#)
  private let pValue = Self.regex(#"\bp\s*(=|<=|<|≤)\s*(\#(number))"#)
  private let reference = Self.regex(#"\b(fig|figs|figure|figures|tab|table|tables)\b\.?\s*\d"#)

  private static func regex(_ pattern: String) -> NSRegularExpression {
    // Literal patterns; a test checks that each finds what it should.
    try! NSRegularExpression(pattern: pattern, options: [.caseInsensitive])
  }

  /// True when `sentence` carries at least one anchor.
  func anchors(_ sentence: String) -> Bool { !anchors(in: sentence).isEmpty }

  /// Every anchor in `sentence`, in the order of the kinds above.
  func anchors(in sentence: String) -> [Anchor] {
    var found: [Anchor] = []
    for groups in matches(plusMinus, sentence) {
      if let n = Self.parse(groups[1]) { found.append(.plusMinus(n)) }
    }
    if !matches(mentionsCI, sentence).isEmpty {
      var intervals = matches(bracketed, sentence)
      if intervals.isEmpty { intervals = matches(afterCI, sentence) }
      let parsed = intervals.compactMap { groups -> Anchor? in
        guard let a = Self.parse(groups[1]), let b = Self.parse(groups[2]) else { return nil }
        return .interval(a, b, text: groups[0])
      }
      found += parsed.isEmpty ? [.intervalMention] : parsed
    }
    for groups in matches(count, sentence) {
      if let k = Int(groups[1]) { found.append(.count(k, text: groups[0])) }
    }
    for groups in matches(pValue, sentence) {
      if let n = Self.parse(groups[2]) { found.append(.pValue(groups[1], n, text: groups[0])) }
    }
    if !matches(reference, sentence).isEmpty { found.append(.reference) }
    return found
  }

  private func matches(_ regex: NSRegularExpression, _ text: String) -> [[String]] {
    let range = NSRange(text.startIndex..., in: text)
    return regex.matches(in: text, range: range).map { match in
      (0..<match.numberOfRanges).map { index in
        Range(match.range(at: index), in: text).map { String(text[$0]) } ?? ""
      }
    }
  }

  /// "0.85" → 0.85 (2 decimals); "85%" → 0.85 (2 decimals); "−0.1" → −0.1.
  static func parse(_ written: String) -> Number? {
    var text = written.replacingOccurrences(of: "−", with: "-").trimmingCharacters(in: .whitespaces)
    let percent = text.hasSuffix("%")
    if percent { text = String(text.dropLast()).trimmingCharacters(in: .whitespaces) }
    guard let value = Double(text) else { return nil }
    let decimals = text.firstIndex(of: ".").map { text.distance(from: $0, to: text.endIndex) - 1 } ?? 0
    return Number(
      value: percent ? value / 100 : value, decimals: decimals + (percent ? 2 : 0), text: written)
  }
}
