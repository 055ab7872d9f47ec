/// Where a Markdown file's leading YAML block (`---` … `---` or `...`) is, and the file with it
/// blanked out so that cmark neither reads it as prose nor shifts the lines after it.
///
/// One place for the rules both the notebook parser and the prose audit rely on: lines split on
/// the scalar "\n" (a `Character` split would miss CRLF files, where "\r\n" is one Character),
/// delimiters may carry trailing blanks and a CR but not leading spaces, and a lone CR inside
/// the block counts as a line break, as cmark counts it.
struct FrontMatterBlock {
  /// The file's lines; each keeps its trailing "\r" in a CRLF file.
  let lines: [Substring]
  /// The index of the closing delimiter line, or nil when the file has no front matter.
  let closing: Int?
  /// True when the first line opens front matter that no later line closes.
  let isUnclosed: Bool

  init(_ text: String) {
    let lines = text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map(Substring.init)
    self.lines = lines
    guard let first = lines.first, Self.isDelimiter(first, allowDots: false) else {
      closing = nil
      isUnclosed = false
      return
    }
    let found = lines.indices.dropFirst().first { Self.isDelimiter(lines[$0], allowDots: true) }
    closing = found
    isUnclosed = found == nil
  }

  /// The YAML between the delimiters.
  var yaml: String? {
    closing.map { lines[1..<$0].joined(separator: "\n") }
  }

  /// The text with the front matter replaced by as many empty lines as cmark counts in it; nil
  /// when there is no front matter.
  var blankedText: String? {
    guard let closing else { return nil }
    let loneReturns = lines[...closing].reduce(0) { count, line in
      count + line.unicodeScalars.dropLast(line.hasSuffix("\r") ? 1 : 0).filter { $0 == "\r" }.count
    }
    let blank = Array(repeating: "", count: closing + 1 + loneReturns)
    return (blank + lines[(closing + 1)...].map(String.init)).joined(separator: "\n")
  }

  static func isDelimiter(_ line: Substring, allowDots: Bool) -> Bool {
    let bare = line.hasSuffix("\r") ? line.dropLast() : line
    guard !bare.hasPrefix(" ") else { return false }
    var scalars = bare.unicodeScalars
    while let last = scalars.last, last == " " || last == "\t" { scalars.removeLast() }
    let trimmed = String(scalars)
    return trimmed == "---" || (allowDots && trimmed == "...")
  }
}
