import CMark
import Foundation

/// One top-level block of a Markdown document rendered as safe HTML, with its source lines.
struct MarkdownHTMLBlock: Equatable {
  var startLine: Int
  var endLine: Int
  var html: String
}

extension MarkdownDocument {
  /// The document's top-level blocks as HTML that runs nothing.
  ///
  /// cmark renders without its unsafe option, so `javascript:` and similar link targets are
  /// dropped; raw HTML (blocks and inline tags) is first turned into text nodes, so a reader
  /// sees the author's `<script>` as text instead of cmark's "raw HTML omitted" comment. The
  /// tree is changed in place; render once per document.
  func safeHTMLBlocks() -> [MarkdownHTMLBlock] {
    neutraliseRawHTML()
    var blocks: [MarkdownHTMLBlock] = []
    var node = cmark_node_first_child(root)
    while let current = node {
      if let html = cmark_render_html(current, CMARK_OPT_DEFAULT, nil) {
        blocks.append(
          MarkdownHTMLBlock(
            startLine: Self.startLine(current), endLine: Int(cmark_node_get_end_line(current)),
            html: String(cString: html)))
        free(html)
      }
      node = cmark_node_next(current)
    }
    return blocks
  }

  /// Replaces every raw HTML node by a text node (inline) or a paragraph of text (block).
  private func neutraliseRawHTML() {
    var rawNodes: [OpaquePointer] = []
    walk { event in
      let type = Self.type(event.node)
      if event.entering, type == CMARK_NODE_HTML_BLOCK || type == CMARK_NODE_HTML_INLINE {
        rawNodes.append(event.node)
      }
    }
    for node in rawNodes {
      let text = cmark_node_new(CMARK_NODE_TEXT)
      let literal = Self.literal(node)
      let isBlock = Self.type(node) == CMARK_NODE_HTML_BLOCK
      cmark_node_set_literal(text, isBlock ? literal.trimmingCharacters(in: .newlines) : literal)
      let replacement: OpaquePointer?
      if isBlock {
        replacement = cmark_node_new(CMARK_NODE_PARAGRAPH)
        cmark_node_append_child(replacement, text)
      } else {
        replacement = text
      }
      if cmark_node_replace(node, replacement) == 1 { cmark_node_free(node) } else { cmark_node_free(replacement) }
    }
  }
}
