extension Plot {
  /// Accumulates SVG markup with escaped text and attributes in a fixed order, so the same
  /// calls always give the same bytes.
  struct SVGWriter {
    private(set) var text = ""
    private var depth = 0

    /// Opens `<tag …>`; close it with ``close(_:)``.
    mutating func open(_ tag: String, _ attributes: [(String, String)] = []) {
      line("<\(tag)\(Self.attributes(attributes))>")
      depth += 1
    }

    /// Writes `</tag>`.
    mutating func close(_ tag: String) {
      depth -= 1
      line("</\(tag)>")
    }

    /// Writes an empty element `<tag …/>`.
    mutating func element(_ tag: String, _ attributes: [(String, String)]) {
      line("<\(tag)\(Self.attributes(attributes))/>")
    }

    /// Writes `<tag …>content</tag>` with `content` escaped.
    mutating func element(_ tag: String, _ attributes: [(String, String)], content: String) {
      line("<\(tag)\(Self.attributes(attributes))>\(Self.escape(content))</\(tag)>")
    }

    /// Writes a `<text>` element; a label's superscript becomes a raised, smaller `<tspan>`.
    mutating func label(_ label: TickLabel, _ attributes: [(String, String)]) {
      guard let superscript = label.superscript else {
        element("text", attributes, content: label.text)
        return
      }
      line(
        "<text\(Self.attributes(attributes))>\(Self.escape(label.text))"
          + "<tspan dy=\"-0.45em\" font-size=\"75%\">\(Self.escape(superscript))</tspan></text>")
    }

    /// Writes markup as given; the caller is responsible for escaping.
    mutating func raw(_ markup: String) { line(markup) }

    private mutating func line(_ markup: String) {
      text += String(repeating: " ", count: max(depth, 0)) + markup + "\n"
    }

    private static func attributes(_ pairs: [(String, String)]) -> String {
      pairs.map { " \($0.0)=\"\(escape($0.1))\"" }.joined()
    }

    /// Escapes text for XML 1.0 content and attribute values: the five markup characters
    /// become entities, and characters XML forbids (controls other than tab, newline and
    /// carriage return; U+FFFE, U+FFFF) become U+FFFD so the document always parses.
    static func escape(_ text: String) -> String {
      var result = ""
      result.reserveCapacity(text.utf8.count)
      for scalar in text.unicodeScalars {
        switch scalar {
        case "&": result += "&amp;"
        case "<": result += "&lt;"
        case ">": result += "&gt;"
        case "\"": result += "&quot;"
        case "'": result += "&apos;"
        case "\t", "\n", "\r": result.unicodeScalars.append(scalar)
        case _ where scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF:
          result += "\u{FFFD}"
        default: result.unicodeScalars.append(scalar)
        }
      }
      return result
    }

    /// A coordinate with at most two decimals and no trailing zeros ("12.5", "-3", "0.05"),
    /// formatted from integers so the text never depends on the platform's float printing.
    static func number(_ value: Double) -> String {
      guard value.isFinite else { return "0" }
      let hundredths = (value * 100).rounded()
      guard hundredths.magnitude < 1e15 else { return String(Int(value.rounded())) }
      let n = Int(hundredths)
      let whole = n.magnitude / 100
      let fraction = n.magnitude % 100
      let sign = n < 0 ? "-" : ""
      if fraction == 0 { return sign + String(whole) }
      let digits = fraction < 10 ? "0\(fraction)" : String(fraction)
      return sign + String(whole) + "."
        + (digits.hasSuffix("0") ? String(digits.prefix(1)) : digits)
    }
  }
}
