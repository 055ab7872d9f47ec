import CMark

/// A CommonMark document parsed by cmark-gfm, with source positions.
///
/// Owns the cmark node tree and frees it when released. Code blocks are copied out into Swift
/// structs at once; a ``walk(_:)`` lends each node to its visitor only for the visit. The
/// notebook parser and the prose audit both read Markdown through this type.
final class MarkdownDocument {
  let root: OpaquePointer

  /// Parses `text` as CommonMark with source positions enabled.
  init(_ text: String) {
    var bytes = Array(text.utf8)
    let options = CMARK_OPT_SOURCEPOS | CMARK_OPT_VALIDATE_UTF8
    root = bytes.withUnsafeMutableBufferPointer { buffer in
      buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: Swift.max(buffer.count, 1)) {
        cmark_parse_document($0, buffer.count, options)
      }
    }
  }

  deinit { cmark_node_free(root) }

  /// One step of a depth-first walk: entering or leaving a node.
  ///
  /// The node is only valid during the walk; read it with the static accessors below.
  struct Event {
    var entering: Bool
    var node: OpaquePointer
  }

  /// Calls `visit` for every node in document order, on entry and on exit.
  func walk(_ visit: (Event) -> Void) {
    guard let iterator = cmark_iter_new(root) else { return }
    defer { cmark_iter_free(iterator) }
    while true {
      let event = cmark_iter_next(iterator)
      if event == CMARK_EVENT_DONE || event == CMARK_EVENT_NONE { break }
      guard let node = cmark_iter_get_node(iterator) else { continue }
      visit(Event(entering: event == CMARK_EVENT_ENTER, node: node))
    }
  }

  /// Every code block in document order (fenced or indented, at any nesting depth).
  func codeBlocks() -> [MarkdownCodeBlock] {
    var blocks: [MarkdownCodeBlock] = []
    walk { event in
      let node = event.node
      guard event.entering, Self.type(node) == CMARK_NODE_CODE_BLOCK else { return }
      var length: Int32 = 0
      var offset: Int32 = 0
      var character: CChar = 0
      let fenced = cmark_node_get_fenced(node, &length, &offset, &character) != 0
      blocks.append(
        MarkdownCodeBlock(
          fenced: fenced, info: Self.fenceInfo(node), literal: Self.literal(node),
          startLine: Self.startLine(node), startColumn: Self.startColumn(node),
          endLine: Int(cmark_node_get_end_line(node)), fenceIndent: Int(offset)))
    }
    return blocks
  }

  static func type(_ node: OpaquePointer) -> cmark_node_type { cmark_node_get_type(node) }
  static func literal(_ node: OpaquePointer) -> String {
    cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
  }
  static func url(_ node: OpaquePointer) -> String {
    cmark_node_get_url(node).map { String(cString: $0) } ?? ""
  }
  static func fenceInfo(_ node: OpaquePointer) -> String {
    cmark_node_get_fence_info(node).map { String(cString: $0) } ?? ""
  }
  static func startLine(_ node: OpaquePointer) -> Int { Int(cmark_node_get_start_line(node)) }
  static func startColumn(_ node: OpaquePointer) -> Int { Int(cmark_node_get_start_column(node)) }
  static func endColumn(_ node: OpaquePointer) -> Int { Int(cmark_node_get_end_column(node)) }
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
  var language: String { Self.language(ofInfo: info) }

  /// The first word of a fence's info string, "" when it has none.
  static func language(ofInfo info: String) -> String {
    info.split(whereSeparator: { $0 == " " || $0 == "\t" }).first.map(String.init) ?? ""
  }

  /// The words of the info string after the first.
  var attributes: [String] { info.split(whereSeparator: { $0 == " " || $0 == "\t" }).dropFirst().map(String.init) }
}
