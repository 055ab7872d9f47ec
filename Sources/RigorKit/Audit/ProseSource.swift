/// The audited text split into lines, for turning cmark's byte columns into the character
/// columns an editor shows, and for stripping front matter without moving any line.
struct ProseSource {
  /// The text cmark parses: the input with its front matter (if any) blanked out.
  let markdown: String
  private let lines: [[UInt8]]
  /// Per line: `characterColumn[b]` is the 1-based character column of byte offset `b`.
  private let characterColumns: [[Int]]

  init(_ text: String) {
    markdown = Self.blankingFrontMatter(text)
    var lines: [[UInt8]] = []
    var columns: [[Int]] = []
    // Split bytes, not Characters: "\r\n" is a single Character and would hide the break.
    for bytes in markdown.utf8.split(separator: 10, omittingEmptySubsequences: false) {
      lines.append(Array(bytes))
      var map: [Int] = []
      var column = 1
      for character in String(decoding: bytes, as: UTF8.self) {
        map.append(contentsOf: repeatElement(column, count: character.utf8.count))
        column += 1
      }
      map.append(column)
      columns.append(map)
    }
    self.lines = lines
    characterColumns = columns
  }

  /// Character columns for each byte of `literal`, a text node's content that cmark placed
  /// at `line`, bytes `start...end` (1-based). The literal may be shorter than its source
  /// (entities, backslash escapes), so each byte is matched to the next equal source byte.
  func columns(of literal: String, line: Int, start: Int, end: Int) -> [Int] {
    guard line >= 1, line <= lines.count, start >= 1 else {
      return Array(repeating: max(start, 1), count: literal.utf8.count)
    }
    let source = lines[line - 1]
    let map = characterColumns[line - 1]
    let upper = min(max(end, start), source.count)
    var cursor = start - 1
    var result: [Int] = []
    result.reserveCapacity(literal.utf8.count)
    for byte in literal.utf8 {
      var probe = cursor
      while probe < upper && source[probe] != byte { probe += 1 }
      if probe < upper {
        result.append(map[probe])
        cursor = probe + 1
      } else {
        result.append(map[min(cursor, map.count - 1)])
      }
    }
    return result
  }

  /// The text with a leading YAML block replaced by empty lines (see `FrontMatterBlock`).
  static func blankingFrontMatter(_ text: String) -> String {
    FrontMatterBlock(text).blankedText ?? text
  }
}
