/// The prose of one paragraph or heading: its characters, where each came from in the file,
/// which are only shown (inline code, HTML, image text) and which links cover them.
struct ProseBlock {
  struct Link {
    var range: Range<Int>
    var destination: String
  }

  private(set) var characters: [Character] = []
  /// True for characters that are displayed but never analysed (inline code, HTML, images).
  private(set) var masked: [Bool] = []
  private(set) var lines: [Int] = []
  private(set) var columns: [Int] = []
  var links: [Link] = []

  var count: Int { characters.count }
  var isEmpty: Bool { characters.isEmpty }

  /// Appends `text` whose bytes sit at the character `columns` (one per byte) of `line`.
  mutating func append(_ text: String, line: Int, columns byteColumns: [Int], masked isMasked: Bool)
  {
    var byte = 0
    for character in text {
      characters.append(character)
      masked.append(isMasked)
      lines.append(line)
      columns.append(byte < byteColumns.count ? byteColumns[byte] : (byteColumns.last ?? 1))
      byte += character.utf8.count
    }
  }

  /// Appends the space a soft or hard line break stands for, just after the last character.
  mutating func appendBreak() {
    characters.append(" ")
    masked.append(false)
    lines.append(lines.last ?? 1)
    columns.append((columns.last ?? 0) + 1)
  }

  /// The characters in `range` as one line of text: breaks and runs of spaces collapse to
  /// one space, ends trimmed.
  func text(_ range: Range<Int>) -> String {
    var result = ""
    var pendingSpace = false
    for character in characters[range] {
      if character.isWhitespace {
        pendingSpace = !result.isEmpty
      } else {
        if pendingSpace { result.append(" ") }
        pendingSpace = false
        result.append(character)
      }
    }
    return result
  }

  /// Whether character `index` is analysed prose.
  func isProse(_ index: Int) -> Bool { !masked[index] }
}
