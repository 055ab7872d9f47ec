import CMark

/// A CommonMark document parsed by cmark-gfm, with source positions.
///
/// Owns the cmark node tree and frees it when released. Values are copied out into Swift
/// structs (`MarkdownBlock`) at once, so no C pointer escapes this type.
final class MarkdownDocument {
  private let root: OpaquePointer

  /// Parses `text` as CommonMark with source positions enabled.
  init(_ text: String) {
    var bytes = Array(text.utf8)
    let options = CMARK_OPT_SOURCEPOS
    root = bytes.withUnsafeMutableBufferPointer { buffer in
      buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
        cmark_parse_document($0, buffer.count, options)
      }
    }
  }

  deinit { cmark_node_free(root) }

  /// Every code block in document order (fenced or indented, at any nesting depth).
  func codeBlocks() -> [MarkdownCodeBlock] {
    var blocks: [MarkdownCodeBlock] = []
    guard let iterator = cmark_iter_new(root) else { return blocks }
    defer { cmark_iter_free(iterator) }
    while true {
      let event = cmark_iter_next(iterator)
      if event == CMARK_EVENT_DONE { break }
      guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator),
        cmark_node_get_type(node) == CMARK_NODE_CODE_BLOCK
      else { continue }
      var length: Int32 = 0
      var offset: Int32 = 0
      var character: CChar = 0
      let fenced = cmark_node_get_fenced(node, &length, &offset, &character) != 0
      let info = cmark_node_get_fence_info(node).map { String(cString: $0) } ?? ""
      let literal = cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
      blocks.append(
        MarkdownCodeBlock(
          fenced: fenced, info: info, literal: literal,
          startLine: Int(cmark_node_get_start_line(node)),
          startColumn: Int(cmark_node_get_start_column(node)),
          endLine: Int(cmark_node_get_end_line(node)),
          fenceIndent: Int(offset)))
    }
    return blocks
  }
}

/// A code block copied out of a `MarkdownDocument`.
struct MarkdownCodeBlock: Equatable {
  /// True for ``` and ~~~ fences; false for indented code.
  var fenced: Bool
  /// The info string after the opening fence, with backslash escapes and entities resolved.
  var info: String
  /// The block's content exactly as CommonMark defines it.
  var literal: String
  /// The line of the opening fence (or the first indented line), 1-based.
  var startLine: Int
  var startColumn: Int
  var endLine: Int
  /// Spaces before the opening fence (0-3).
  var fenceIndent: Int

  /// The line of the block's first content line.
  var contentLine: Int { fenced ? startLine + 1 : startLine }

  /// The first word of the info string (`swift` in "swift no-run").
  var language: String { info.split(whereSeparator: { $0 == " " || $0 == "\t" }).first.map(String.init) ?? "" }

  /// The words of the info string after the first.
  var attributes: [String] { info.split(whereSeparator: { $0 == " " || $0 == "\t" }).dropFirst().map(String.init) }
}
