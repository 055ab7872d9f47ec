import CMark
import Foundation

/// CommonMark to HTML through cmark-gfm, keeping raw HTML (Rigor's own report fragments).
enum MarkdownHTML {
  static func render(_ markdown: String) -> String {
    let options = CMARK_OPT_UNSAFE
    guard let html = cmark_markdown_to_html(markdown, markdown.utf8.count, options) else { return "" }
    defer { free(html) }
    return String(cString: html)
  }

  static func escape(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.count)
    for character in text {
      switch character {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      default: out.append(character)
      }
    }
    return out
  }
}
