import Foundation

/// BERT's WordPiece tokenizer: the basic tokenizer (see `BertNormalizer`), then greedy
/// longest-match-first subwords with `##` continuations, `[CLS]`/`[SEP]` around each text.
///
/// `encode` gives the ids Hugging Face's tokenizer gives for `tokenizer(text).input_ids` with
/// the same vocabulary (truncated to ``maximumLength`` like `truncation=True`). A word longer than
/// 100 characters, or one that cannot be split into vocabulary pieces, becomes `[UNK]`. Special
/// tokens written in the text (`[MASK]`, `[SEP]`, …) are kept whole, as Hugging Face does.
///
/// ```swift
/// let tokenizer = try WordPieceTokenizer(pretrained: folder)
/// tokenizer.encode("Hello, world!")   // [101, 7592, 1010, 2088, 999, 102]
/// ```
public struct WordPieceTokenizer: Sendable {
  /// Tokens by id.
  public let vocabulary: [String]
  private let ids: [String: Int]
  private let normalizer: BertNormalizer
  /// Longest encoded sequence, special tokens included (`model_max_length`).
  public let maximumLength: Int
  /// Words with more characters than this become `[UNK]`.
  public let maximumWordCharacters = 100
  /// The ids of `[UNK]`, `[CLS]`, `[SEP]` and `[PAD]`.
  public let unknownID: Int, classID: Int, separatorID: Int, paddingID: Int
  /// Tokens matched whole in the raw text, longest first.
  private let specialTokens: [(text: [Unicode.Scalar], id: Int)]

  /// A tokenizer over `vocabulary` (token `i` has id `i`).
  ///
  /// - Parameter stripAccents: Defaults to `lowercase`, as BERT's uncased models do.
  /// - Throws: ``EncoderError`` when the vocabulary lacks `[UNK]`, `[CLS]`, `[SEP]` or `[PAD]`.
  public init(
    vocabulary: [String], lowercase: Bool = true, stripAccents: Bool? = nil, splitCJK: Bool = true,
    maximumLength: Int = 512, source: String = "<vocabulary>"
  ) throws {
    self.vocabulary = vocabulary
    var ids: [String: Int] = [:]
    for (id, token) in vocabulary.enumerated() where ids[token] == nil { ids[token] = id }
    self.ids = ids
    normalizer = BertNormalizer(lowercase: lowercase, stripAccents: stripAccents ?? lowercase, splitCJK: splitCJK)
    guard maximumLength >= 2 else { throw EncoderError(file: source, problem: "maximum length \(maximumLength) leaves no room for [CLS] and [SEP]") }
    self.maximumLength = maximumLength
    func id(_ token: String) throws -> Int {
      guard let id = ids[token] else { throw EncoderError(file: source, problem: "the vocabulary has no \(token) token") }
      return id
    }
    unknownID = try id("[UNK]")
    classID = try id("[CLS]")
    separatorID = try id("[SEP]")
    paddingID = try id("[PAD]")
    specialTokens = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"].compactMap { token in
      ids[token].map { (Array(token.unicodeScalars), $0) }
    }
  }

  /// The id of `token`, or `nil` when it is not in the vocabulary.
  public func id(of token: String) -> Int? { ids[token] }

  /// The WordPiece tokens of `text`, without special tokens around it.
  public func tokenize(_ text: String) -> [String] { pieces(text).map { vocabulary[$0] } }

  /// Token ids of `text`: `[CLS]`, the pieces, `[SEP]`, truncated to `maxLength` (default
  /// ``maximumLength``) by dropping pieces from the end.
  public func encode(_ text: String, addSpecialTokens: Bool = true, maxLength: Int? = nil) -> [Int] {
    let limit = Swift.max(addSpecialTokens ? 2 : 0, maxLength ?? maximumLength)
    let body = pieces(text)
    guard addSpecialTokens else { return Array(body.prefix(limit)) }
    return [classID] + body.prefix(limit - 2) + [separatorID]
  }

  /// Text for `ids`: tokens joined by spaces with `##` continuations glued to the previous
  /// piece; special tokens are left out unless `skipSpecialTokens` is `false`.
  public func decode(_ ids: [Int], skipSpecialTokens: Bool = true) -> String {
    let special = Set(specialTokens.map(\.id))
    var out = ""
    for id in ids where id >= 0 && id < vocabulary.count && !(skipSpecialTokens && special.contains(id)) {
      let token = vocabulary[id]
      if token.hasPrefix("##") {
        out += token.dropFirst(2)
      } else {
        if !out.isEmpty { out += " " }
        out += token
      }
    }
    return out
  }

  /// A padded batch: each text encoded, truncated to `maxLength`, then padded with `[PAD]`
  /// (mask 0) to the longest in the batch; token types are all 0.
  public func encodeBatch(_ texts: [String], maxLength: Int? = nil) -> EncoderInput {
    let encoded = texts.map { encode($0, maxLength: maxLength) }
    let length = encoded.map(\.count).max() ?? 0
    return EncoderInput(
      tokens: encoded.map { $0 + Array(repeating: paddingID, count: length - $0.count) },
      tokenTypes: encoded.map { _ in Array(repeating: 0, count: length) },
      attentionMask: encoded.map { Array(repeating: 1, count: $0.count) + Array(repeating: 0, count: length - $0.count) })
  }

  /// Ids of the pieces of `text`: special tokens in the raw text stay whole, the rest is
  /// normalised, split and broken into subwords.
  private func pieces(_ text: String) -> [Int] {
    var result: [Int] = []
    let scalars = Array(text.unicodeScalars)
    var start = 0
    var i = 0
    func flush(_ end: Int) {
      guard end > start else { return }
      let segment = String(String.UnicodeScalarView(scalars[start..<end]))
      for word in normalizer.split(normalizer.normalize(segment)) { result += wordPieces(word) }
    }
    while i < scalars.count {
      if scalars[i] == "[", let match = specialTokens.first(where: { scalars[i...].starts(with: $0.text) }) {
        flush(i)
        result.append(match.id)
        i += match.text.count
        start = i
      } else {
        i += 1
      }
    }
    flush(scalars.count)
    return result
  }

  /// Greedy longest-match-first subwords of one word; `[UNK]` when any part has no match.
  private func wordPieces(_ word: [Unicode.Scalar]) -> [Int] {
    guard word.count <= maximumWordCharacters else { return [unknownID] }
    var result: [Int] = []
    var start = 0
    while start < word.count {
      var end = word.count
      var found: Int?
      while end > start {
        let piece = (start > 0 ? "##" : "") + String(String.UnicodeScalarView(word[start..<end]))
        if let id = ids[piece] {
          found = id
          break
        }
        end -= 1
      }
      guard let found else { return [unknownID] }
      result.append(found)
      start = end
    }
    return result
  }
}
