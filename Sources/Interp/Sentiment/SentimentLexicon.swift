import Foundation

/// Sentiment of English text from a lexicon of human valence ratings, scored with the core of
/// VADER's rules (Hutto & Gilbert 2014, "VADER: A Parsimonious Rule-based Model for Sentiment
/// Analysis of Social Media Text").
///
/// Each word found in the lexicon contributes its mean rating (−4 … +4); the sum becomes the
/// compound score `x / √(x² + 15)`, clamped to [−1, 1]. Of VADER's rules this implements:
/// - tokens: the text split on whitespace, leading and trailing ASCII punctuation removed unless
///   that leaves two characters or fewer (so `:)` survives), looked up lower-cased;
/// - degree words (`very`, `extremely`, `slightly`, …, and `kind` before `of`) score 0
///   themselves and move the next three words' magnitude by ±0.293, decayed ×0.95 and ×0.9 with
///   distance;
/// - negation: a negating word (`not`, `never`, `without`, any `…n't`, …) among the three words
///   before a lexicon word multiplies its valence by −0.74, once per negating word, with VADER's
///   `never so`, `without doubt` and `so`/`this`-before-the-word (×1.25) cases;
/// - `but`: words before the first `but` count ×0.5, words after it ×1.5;
/// - emphasis: each `!` (up to four) adds 0.292 to the sum's magnitude, two or three `?` add
///   0.18 each and four or more 0.96.
///
/// Not implemented (so scores differ from the Python package on such text): ALL-CAPS emphasis,
/// `no` as a negator of the next word, `least`, idioms and special phrases (`the bomb`, `yeah
/// right`, `kind of` and `sort of` as degree phrases), and emoji descriptions (the package's
/// emoji lexicon is not installed). The package finds a valence's place in the `but` rule by
/// its value; this rescales by position, which agrees except when equal valences sit on both
/// sides in a particular order.
///
/// ```swift
/// let lexicon = try SentimentLexicon(contentsOf: try checkpoint("vader-lexicon")
///   .appendingPathComponent("vaderSentiment/vader_lexicon.txt"))
/// lexicon.compound("I love this wonderful day!")   // 0.871
/// ```
public struct SentimentLexicon: Sendable {
  /// Mean valence rating by token, as the file writes it.
  public let valences: [String: Double]

  /// A lexicon from `token → mean valence`. Text is looked up lower-cased, as VADER does, so an
  /// entry with capitals (a few emoticons such as `:D`) never matches.
  public init(valences: [String: Double]) { self.valences = valences }

  /// Reads a lexicon in VADER's format: one entry a line, `TOKEN<TAB>MEAN<TAB>SD<TAB>RATINGS`
  /// (only the first two fields are used; blank lines are skipped, `\r\n` endings accepted).
  ///
  /// - Throws: ``SentimentLexiconError`` naming the file, and the line when one is malformed.
  public init(contentsOf url: URL) throws {
    let data: Data
    do {
      data = try Data(contentsOf: url)
    } catch {
      throw SentimentLexiconError(file: url, line: nil, reason: "cannot read the lexicon (\(error.localizedDescription))")
    }
    guard let text = String(data: data, encoding: .utf8) else {
      throw SentimentLexiconError(file: url, line: nil, reason: "the lexicon is not UTF-8 text")
    }
    var valences: [String: Double] = [:]
    // `\r\n` is one Character in Swift, and a newline: the package's file has such endings.
    for (index, line) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
      if line.allSatisfy(\.isWhitespace) { continue }
      let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
      guard fields.count >= 2, !fields[0].isEmpty else {
        throw SentimentLexiconError(file: url, line: index + 1, reason: "expected TOKEN<TAB>VALENCE, found '\(line.prefix(60))'")
      }
      guard let valence = Double(fields[1]), valence.isFinite else {
        throw SentimentLexiconError(file: url, line: index + 1, reason: "valence '\(fields[1])' of '\(fields[0])' is not a number")
      }
      valences[String(fields[0])] = valence
    }
    guard !valences.isEmpty else { throw SentimentLexiconError(file: url, line: nil, reason: "the lexicon has no entries") }
    self.init(valences: valences)
  }

  /// The lexicon's valence of `word` (matched lower-cased), or nil when it has none.
  public func valence(of word: String) -> Double? { valences[word.lowercased()] }

  /// The compound score of `text` in [−1, 1]: negative text below 0, positive above; 0 when
  /// no word is in the lexicon.
  public func compound(_ text: String) -> Double {
    let words = Self.tokens(text)
    let sum = wordValences(words).reduce(0, +)
    guard sum != 0 else { return 0 }
    let emphasis = Self.punctuationEmphasis(text)
    return Self.normalize(sum > 0 ? sum + emphasis : sum - emphasis)
  }

  /// The mean compound score of several texts (0 for none).
  public func meanCompound(_ texts: [String]) -> Double {
    texts.isEmpty ? 0 : texts.reduce(0) { $0 + compound($1) } / Double(texts.count)
  }

  /// VADER's normalisation of a summed valence into [−1, 1]: `x / √(x² + alpha)`.
  public static func normalize(_ sum: Double, alpha: Double = 15) -> Double {
    min(1, max(-1, sum / (sum * sum + alpha).squareRoot()))
  }

  /// The text's tokens as VADER reads them (case kept; lookups lower-case them).
  public static func tokens(_ text: String) -> [String] {
    text.split(whereSeparator: \.isWhitespace).map { token in
      let scalars = Array(token.unicodeScalars)
      var start = 0
      var end = scalars.count
      while start < end, isASCIIPunctuation(scalars[start]) { start += 1 }
      while end > start, isASCIIPunctuation(scalars[end - 1]) { end -= 1 }
      // Two characters or fewer left means an emoticon such as ":)" or ":-(": keep it whole.
      guard end - start > 2 else { return String(token) }
      var stripped = String.UnicodeScalarView()
      stripped.append(contentsOf: scalars[start..<end])
      return String(stripped)
    }
  }

  /// Each token's valence after degree words, negation and the `but` rule (0 for tokens not
  /// in the lexicon).
  public func wordValences(_ words: [String]) -> [Double] {
    let lower = words.map { $0.lowercased() }
    var result: [Double] = []
    for (i, word) in lower.enumerated() {
      let kindOf = word == "kind" && i + 1 < lower.count && lower[i + 1] == "of"
      guard Self.degreeWords[word] == nil, !kindOf, var valence = valences[word] else {
        result.append(0)
        continue
      }
      for distance in 1...3 where i >= distance {
        let previous = lower[i - distance]
        // VADER only lets words outside the lexicon modify a lexicon word.
        guard valences[previous] == nil else { continue }
        if var shift = Self.degreeWords[previous] {
          if valence < 0 { shift = -shift }
          valence += shift * [1, 0.95, 0.9][distance - 1]
        }
        valence = Self.negate(valence, words: lower, at: i, distance: distance)
      }
      result.append(valence)
    }
    if let but = lower.firstIndex(of: "but") {
      for i in result.indices where i != but { result[i] *= i < but ? 0.5 : 1.5 }
    }
    return result
  }

  /// VADER's negation step for the word `distance` places before `words[i]`: a negating word
  /// scales by −0.74, except that `never so`/`never this` (and, three back, `so`/`this` just
  /// before the word) scale by 1.25 and `without doubt` leaves the valence alone.
  static func negate(_ valence: Double, words: [String], at i: Int, distance: Int) -> Double {
    let intensifiers: Set<String> = ["so", "this"]
    switch distance {
    case 2:
      if words[i - 2] == "never" && intensifiers.contains(words[i - 1]) { return valence * 1.25 }
      if words[i - 2] == "without" && words[i - 1] == "doubt" { return valence }
    case 3:
      if (words[i - 3] == "never" && intensifiers.contains(words[i - 2])) || intensifiers.contains(words[i - 1]) {
        return valence * 1.25
      }
      if words[i - 3] == "without" && (words[i - 2] == "doubt" || words[i - 1] == "doubt") { return valence }
    default: break
    }
    return isNegation(words[i - distance]) ? valence * negationScale : valence
  }

  /// Whether `word` (lower-cased) negates the lexicon words after it.
  static func isNegation(_ word: String) -> Bool { negations.contains(word) || word.contains("n't") }

  /// The magnitude `!` and `?` add to the summed valence.
  static func punctuationEmphasis(_ text: String) -> Double {
    let exclamations = min(4, text.filter { $0 == "!" }.count)
    let questions = text.filter { $0 == "?" }.count
    let questionEmphasis = questions <= 1 ? 0 : questions <= 3 ? Double(questions) * 0.18 : 0.96
    return Double(exclamations) * 0.292 + questionEmphasis
  }

  private static func isASCIIPunctuation(_ scalar: Unicode.Scalar) -> Bool {
    scalar.isASCII && (33...47 ~= scalar.value || 58...64 ~= scalar.value || 91...96 ~= scalar.value || 123...126 ~= scalar.value)
  }
}
