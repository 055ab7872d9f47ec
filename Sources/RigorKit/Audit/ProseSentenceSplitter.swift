/// Splits a block of prose into sentences.
///
/// A sentence ends at `.`, `!` or `?` (after any closing quotes or brackets) followed by
/// white space and then a capital letter, or at the end of a line (docs/JUDGING.md) — unless the
/// period ends an abbreviation ("e.g.", "et al.", "Fig.") or an initial ("J. Smith"). Decimal numbers
/// never split (no space after their point), and sentences run across soft line breaks.
/// Masked characters (inline code) never end a sentence.
struct ProseSentenceSplitter {
  var abbreviations: Set<String>

  /// The sentences of `block` as index ranges, in order, without surrounding white space.
  func sentences(in block: ProseBlock) -> [Range<Int>] {
    let chars = block.characters
    var result: [Range<Int>] = []
    var start = 0
    var index = 0
    while index < chars.count {
      defer { index += 1 }
      guard block.isProse(index), [".", "!", "?"].contains(chars[index]) else { continue }
      var end = index + 1
      while end < chars.count, block.isProse(end), Self.closers.contains(chars[end]) { end += 1 }
      var next = end
      while next < chars.count, chars[next].isWhitespace { next += 1 }
      if next < chars.count {
        guard next > end else { continue }  // "0.95", "x.y": no space, no boundary
        // docs/JUDGING.md: a boundary needs a capital letter next, or the line to end here.
        let lineEnds = block.lines[next] != block.lines[index]
        if !chars[next].isUppercase && !lineEnds { continue }
        if chars[index] == "." && endsAbbreviation(chars, before: index) { continue }
      }
      append(start..<end, of: chars, to: &result)
      start = next
      index = next - 1
    }
    append(start..<chars.count, of: chars, to: &result)
    return result
  }

  /// True when the word ending just before the period at `index` is a known abbreviation
  /// or a single capital letter (an initial).
  private func endsAbbreviation(_ chars: [Character], before index: Int) -> Bool {
    var first = index
    while first > 0, !chars[first - 1].isWhitespace { first -= 1 }
    let word = String(chars[first..<index]).drop(while: { Self.openers.contains($0) })
    if word.count == 1, word.first?.isUppercase == true { return true }
    return abbreviations.contains(word.lowercased())
  }

  private func append(_ range: Range<Int>, of chars: [Character], to result: inout [Range<Int>]) {
    var lower = range.lowerBound
    var upper = range.upperBound
    while lower < upper, chars[lower].isWhitespace { lower += 1 }
    while upper > lower, chars[upper - 1].isWhitespace { upper -= 1 }
    if lower < upper { result.append(lower..<upper) }
  }

  private static let closers: Set<Character> = [
    ")", "]", "\"", "'", "\u{201D}", "\u{2019}", "*", "_",
  ]
  private static let openers: Set<Character> = ["(", "[", "\"", "'", "\u{201C}", "\u{2018}"]
}
