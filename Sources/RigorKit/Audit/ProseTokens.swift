import Foundation

/// The words of a sentence, lower-cased, with where each lies in its block.
///
/// A word is a run of letters and digits, with inner hyphens and apostrophes kept
/// ("data-driven", "doesn't"), so whole-word matching never finds "driven" in "data-driven".
/// Masked characters (inline code) separate words and never belong to one.
struct ProseTokens {
  struct Token {
    var word: String
    var range: Range<Int>
  }

  private(set) var tokens: [Token] = []
  private let block: ProseBlock

  init(_ block: ProseBlock, sentence: Range<Int>) {
    self.block = block
    let chars = block.characters
    var index = sentence.lowerBound
    while index < sentence.upperBound {
      guard block.isProse(index), Self.isWordCharacter(chars[index]) else {
        index += 1
        continue
      }
      let start = index
      while index < sentence.upperBound, block.isProse(index) {
        if Self.isWordCharacter(chars[index]) {
          index += 1
        } else if Self.joiners.contains(chars[index]), index + 1 < sentence.upperBound,
          block.isProse(index + 1), Self.isWordCharacter(chars[index + 1])
        {
          index += 2
        } else {
          break
        }
      }
      let word = String(chars[start..<index]).lowercased().replacingOccurrences(
        of: "\u{2019}", with: "'")
      tokens.append(Token(word: word, range: start..<index))
    }
  }

  var count: Int { tokens.count }
  subscript(index: Int) -> Token { tokens[index] }

  /// True when `words` (each position a set of accepted forms) matches at token `index`.
  func matches(_ words: [Set<String>], at index: Int) -> Bool {
    guard index + words.count <= tokens.count else { return false }
    for (offset, forms) in words.enumerated() where !forms.contains(tokens[index + offset].word) {
      return false
    }
    return true
  }

  /// True when only spaces separate token `a` from token `a + 1`.
  func adjacent(_ a: Int) -> Bool {
    guard a + 1 < tokens.count else { return false }
    let gap = tokens[a].range.upperBound..<tokens[a + 1].range.lowerBound
    return gap.allSatisfy { block.isProse($0) && block.characters[$0].isWhitespace }
  }

  /// True when a clause break (, ; : — or brackets) or masked text lies between the two tokens.
  func clauseBreak(between a: Int, and b: Int) -> Bool {
    let gap = tokens[a].range.upperBound..<tokens[b].range.lowerBound
    return gap.contains { !block.isProse($0) || Self.clauseMarks.contains(block.characters[$0]) }
  }

  private static func isWordCharacter(_ character: Character) -> Bool {
    character.isLetter || character.isNumber
  }

  private static let joiners: Set<Character> = ["-", "'", "\u{2019}"]
  private static let clauseMarks: Set<Character> = [
    ",", ";", ":", "(", ")", "[", "]", "\u{2014}", "\u{2013}",
  ]
}
