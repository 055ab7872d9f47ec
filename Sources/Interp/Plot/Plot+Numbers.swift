import Foundation

extension Plot {
  /// The exact decimal `n × 10^exponent` as a label: fixed notation for everyday magnitudes,
  /// `m×10^e` otherwise. Building the digits from integers avoids 0.30000000000000004.
  static func decimalLabel(_ n: Int, exponent: Int, scientific: Bool) -> TickLabel {
    if n == 0 { return TickLabel("0") }
    let sign = n < 0 ? minus : ""
    let digits = String(n.magnitude)
    if scientific {
      let power = exponent + digits.count - 1
      var mantissa = String(digits.first ?? "1")
      let rest = digits.dropFirst().reversed().drop(while: { $0 == "0" }).reversed()
      if !rest.isEmpty { mantissa += "." + String(rest) }
      let base = mantissa == "1" ? "10" : "\(mantissa)×10"
      return TickLabel(sign + base, superscript: signed(power))
    }
    if exponent >= 0 { return TickLabel(sign + digits + String(repeating: "0", count: exponent)) }
    let decimals = -exponent
    let padded = String(repeating: "0", count: max(0, decimals + 1 - digits.count)) + digits
    let split = padded.index(padded.endIndex, offsetBy: -decimals)
    let fraction = padded[split...].reversed().drop(while: { $0 == "0" }).reversed()
    let whole = String(padded[..<split])
    return TickLabel(sign + whole + (fraction.isEmpty ? "" : "." + String(fraction)))
  }

  /// A compact label for an arbitrary value (four significant digits), used where no tick
  /// grid exists.
  static func compactLabel(_ value: Double) -> TickLabel {
    guard value.isFinite else { return TickLabel(value.isNaN ? "NaN" : (value < 0 ? "−∞" : "∞")) }
    if value == 0 { return TickLabel("0") }
    let exponent = floorLog10(value.magnitude)
    // Four significant digits as an integer mantissa, then the exact decimal label.
    let scale = exponent - 3
    let n = Int((value / pow10(scale)).rounded())
    let scientific = exponent < -4 || exponent >= 6
    return decimalLabel(n, exponent: scale, scientific: scientific)
  }

  /// The typographic minus sign, which lines up with plus and digits.
  static let minus = "\u{2212}"

  static func signed(_ value: Int) -> String { value < 0 ? minus + String(-value) : String(value) }

  /// 10^exponent: exact through 10^22, correctly rounded products beyond; 0 or ∞ past ±400.
  static func pow10(_ exponent: Int) -> Double {
    let power = powersOfTen[Int(min(exponent.magnitude, 400))]
    return exponent >= 0 ? power : 1 / power
  }

  private static let powersOfTen: [Double] = {
    var table: [Double] = [1]
    for _ in 1...400 { table.append((table.last ?? 1) * 10) }
    return table
  }()

  /// The exact decimal `n × 10^exponent` as the nearest double (0.06, not 0.060000000000000005).
  static func decimalValue(_ n: Int, exponent: Int) -> Double {
    exponent >= 0 ? Double(n) * pow10(exponent) : Double(n) / pow10(-exponent)
  }

  /// ⌊log10(value)⌋ for positive finite values, corrected for libm rounding at exact powers.
  static func floorLog10(_ value: Double) -> Int {
    var e = Int(Foundation.log10(value).rounded(.down))
    if pow10(e) > value { e -= 1 }
    if pow10(e + 1) <= value { e += 1 }
    return e
  }

  /// Approximate advance of the text in ems. Deliberately on the wide side (DejaVu Sans,
  /// the usual fallback on Linux, is wider than Helvetica) so labels never overflow.
  static func textWidthInEms(_ text: String) -> Double {
    var width = 0.0
    for character in text {
      switch character {
      case ".", ",", ":", ";", "i", "l", "j", "'", "|", "!", "I": width += 0.32
      case " ", "f", "t", "r", "(", ")", "[", "]": width += 0.4
      case "m", "w", "M", "W", "%", "@": width += 0.95
      case "A"..."Z", "<", ">", "=", "+", "\u{2212}", "×": width += 0.75
      default: width += 0.63
      }
    }
    return width
  }

  /// "1 point", "3 points": a count with its noun, pluralised with "s".
  static func counted(_ count: Int, _ noun: String) -> String {
    "\(count) \(noun)\(count == 1 ? "" : "s")"
  }
}
