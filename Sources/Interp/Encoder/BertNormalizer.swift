import Foundation

/// BERT's basic tokenizer: text cleaning, CJK isolation, accent stripping, lowercasing, and the
/// split into words and punctuation, as Hugging Face's `BertNormalizer` and `BertPreTokenizer`.
///
/// Character classes follow the Unicode tables those use: categories (control, format,
/// punctuation, non-spacing mark) as of Unicode 8, so a character assigned later counts as
/// unassigned (kept, not split: it becomes part of a word), while whitespace is Unicode's
/// current `White_Space` property.
struct BertNormalizer: Sendable {
  var lowercase: Bool
  var stripAccents: Bool
  var splitCJK: Bool

  /// The normalised text.
  func normalize(_ text: String) -> String {
    var cleaned = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
      if scalar.value == 0 || scalar.value == 0xFFFD || Self.isControl(scalar) { continue }
      if Self.isWhitespace(scalar) {
        cleaned.append(" ")
      } else if splitCJK && Self.isCJK(scalar) {
        cleaned.append(" ")
        cleaned.append(scalar)
        cleaned.append(" ")
      } else {
        cleaned.append(scalar)
      }
    }
    var result = String(cleaned)
    if stripAccents {
      let decomposed = result.decomposedStringWithCanonicalMapping.unicodeScalars
      result = String(String.UnicodeScalarView(decomposed.filter { !Self.isNonspacingMark($0) }))
    }
    if lowercase {
      var lowered = String.UnicodeScalarView()
      for scalar in result.unicodeScalars { lowered.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars) }
      result = String(lowered)
    }
    return result
  }

  /// Words and punctuation marks of normalised text, each as its scalars.
  func split(_ text: String) -> [[Unicode.Scalar]] {
    var words: [[Unicode.Scalar]] = []
    var current: [Unicode.Scalar] = []
    for scalar in text.unicodeScalars {
      if scalar.properties.isWhitespace {
        if !current.isEmpty { words.append(current) }
        current = []
      } else if Self.isPunctuation(scalar) {
        if !current.isEmpty { words.append(current) }
        words.append([scalar])
        current = []
      } else {
        current.append(scalar)
      }
    }
    if !current.isEmpty { words.append(current) }
    return words
  }

  /// The general category as the Unicode 8 tables give it (`nil` for characters assigned later).
  private static func category(_ scalar: Unicode.Scalar) -> Unicode.GeneralCategory? {
    guard let age = scalar.properties.age, age.major < 8 || (age.major == 8 && age.minor == 0) else { return nil }
    return scalar.properties.generalCategory
  }

  static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
    scalar == "\t" || scalar == "\n" || scalar == "\r" || scalar.properties.isWhitespace
  }

  static func isControl(_ scalar: Unicode.Scalar) -> Bool {
    if scalar == "\t" || scalar == "\n" || scalar == "\r" { return false }
    switch category(scalar) {
    case .control, .format, .privateUse, .surrogate: return true
    default: return false
    }
  }

  static func isPunctuation(_ scalar: Unicode.Scalar) -> Bool {
    let v = scalar.value
    if (33...47).contains(v) || (58...64).contains(v) || (91...96).contains(v) || (123...126).contains(v) { return true }
    switch category(scalar) {
    case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
      .finalPunctuation, .otherPunctuation:
      return true
    default: return false
    }
  }

  static func isNonspacingMark(_ scalar: Unicode.Scalar) -> Bool { category(scalar) == .nonspacingMark }

  /// The CJK Unified Ideographs blocks (not Hangul, Hiragana or Katakana), as BERT defines them.
  static func isCJK(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x4E00...0x9FFF, 0x3400...0x4DBF, 0x20000...0x2A6DF, 0x2A700...0x2B73F, 0x2B740...0x2B81F,
      0x2B820...0x2CEAF, 0xF900...0xFAFF, 0x2F800...0x2FA1F:
      return true
    default: return false
    }
  }
}
