import CMark

/// A CommonMark document parsed by cmark-gfm with source positions; owns the C tree and
/// frees it when released.
final class ProseMarkdownTree {
  /// One step of a depth-first walk: entering or leaving a node.
  struct Event {
    var entering: Bool
    var node: OpaquePointer
  }

  private let root: OpaquePointer

  /// Parses `markdown`; cmark accepts any byte sequence, so this cannot fail short of memory.
  init?(_ markdown: String) {
    let options = CMARK_OPT_SOURCEPOS | CMARK_OPT_VALIDATE_UTF8
    let length = markdown.utf8.count
    let parsed = markdown.withCString { cmark_parse_document($0, length, options) }
    guard let parsed else { return nil }
    root = parsed
  }

  deinit { cmark_node_free(root) }

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
