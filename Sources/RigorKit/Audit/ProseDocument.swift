import CMark
import Foundation

/// The prose of a Markdown file, ready for auditing: one ``ProseBlock`` per paragraph or
/// heading (in list items and block quotes too), plus the ids of the file's claims.
///
/// Not prose: fenced and indented code blocks, HTML blocks, front matter; inside a
/// paragraph, inline code, inline HTML and image descriptions are kept for display but
/// masked from analysis.
struct ProseDocument {
  var blocks: [ProseBlock] = []
  /// Ids of ```` ```claim ```` blocks, which prose links to as `[text](#id)`.
  var claimIDs: Set<String> = []

  init(_ source: ProseSource) {
    let tree = MarkdownDocument(source.markdown)
    typealias T = MarkdownDocument
    var current: ProseBlock?
    var openLinks: [(start: Int, destination: String)] = []
    var maskDepth = 0
    var lastLine = 1
    tree.walk { event in
      let node = event.node
      switch T.type(node) {
      case CMARK_NODE_PARAGRAPH, CMARK_NODE_HEADING:
        if event.entering {
          current = ProseBlock()
          lastLine = T.startLine(node)
        } else {
          if let block = current, !block.isEmpty { blocks.append(block) }
          current = nil
          openLinks = []
        }
      case CMARK_NODE_TEXT, CMARK_NODE_CODE, CMARK_NODE_HTML_INLINE:
        guard event.entering, current != nil else { break }
        let literal = T.literal(node)
        let line = T.startLine(node) > 0 ? T.startLine(node) : lastLine
        lastLine = line
        let columns = source.columns(
          of: literal, line: line, start: T.startColumn(node), end: T.endColumn(node))
        let isMasked = maskDepth > 0 || T.type(node) != CMARK_NODE_TEXT
        current?.append(literal, line: line, columns: columns, masked: isMasked)
      case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
        if event.entering { current?.appendBreak() }
      case CMARK_NODE_LINK:
        guard let block = current else { break }
        if event.entering {
          openLinks.append((block.count, T.url(node)))
        } else if let open = openLinks.popLast() {
          current?.links.append(
            .init(range: open.start..<block.count, destination: open.destination))
        }
      case CMARK_NODE_IMAGE:
        maskDepth += event.entering ? 1 : -1
      case CMARK_NODE_CODE_BLOCK:
        guard event.entering else { break }
        if MarkdownCodeBlock.language(ofInfo: T.fenceInfo(node)) == "claim", let id = Self.claimID(in: T.literal(node)) { claimIDs.insert(id) }
      default:
        break
      }
    }
  }

  /// The `id:` of a claim block's YAML, found by a line scan (quotes and comments removed);
  /// the claim parser proper reports malformed claims, so this only needs the common shape.
  static func claimID(in yaml: String) -> String? {
    for rawLine in yaml.split(separator: "\n") {
      var line = Substring(rawLine)
      while line.first == " " || line.first == "\t" { line.removeFirst() }
      guard line.hasPrefix("id:") else { continue }
      var value = line.dropFirst(3)
      if let hash = value.range(of: " #") { value = value[..<hash.lowerBound] }
      let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
      let unquoted = trimmed.trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
      return unquoted.isEmpty ? nil : unquoted
    }
    return nil
  }
}
