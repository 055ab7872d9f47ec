import Foundation

/// CommonMark to HTML that runs nothing, and the escaping every report writes text through.
enum MarkdownHTML {
  /// `markdown` as HTML through cmark-gfm without its unsafe option: raw HTML is shown as text
  /// and dangerous link targets are dropped.
  static func render(_ markdown: String) -> String {
    MarkdownDocument(markdown).safeHTMLBlocks().map(\.html).joined()
  }

  /// `text` safe inside an element or a quoted attribute.
  ///
  /// Besides `& < > " '`, control characters other than tab and line feed (a carriage return
  /// among them, which HTML parsers and Markdown treat as a line end) are shown as their
  /// visible Unicode control pictures (U+2400 block), so no byte of untrusted output reaches
  /// the page as markup or as an invisible line break.
  static func escape(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count + 16)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&#39;"
      case "\n", "\t": out.unicodeScalars.append(scalar)
      case "\u{0}"..."\u{1F}": out.unicodeScalars.append(Unicode.Scalar(0x2400 + scalar.value)!)
      case "\u{7F}": out += "\u{2421}"
      case "\u{80}"..."\u{9F}", "\u{FFFE}", "\u{FFFF}": out += "\u{FFFD}"
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out
  }
}
