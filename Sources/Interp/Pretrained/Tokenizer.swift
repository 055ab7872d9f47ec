import Foundation

/// A byte-level BPE tokenizer (GPT-2's scheme, used by Llama 3, SmolLM2, Qwen, …) read from the
/// metadata of a GGUF file.
///
/// `encode` gives the ids Hugging Face's tokenizer gives for `tokenizer(text).input_ids` of the
/// same file: special tokens (`<|im_start|>`, …) written in the text become their ids, the rest
/// is split into words by GPT-2's pattern, each word's UTF-8 bytes are written as GPT-2's
/// printable byte characters and merged by the file's ranked merges. A beginning-of-sequence
/// token is added only when the file asks for it (`tokenizer.ggml.add_bos_token`).
///
/// ```swift
/// let tokenizer = try Tokenizer(pretrained: try checkpoint("smollm2-135m-instruct"))
/// let ids = tokenizer.encode("The capital of France is")   // [504, 3575, 282, 4649, 314]
/// print(tokenizer.decode(ids))
/// ```
public final class Tokenizer {
  /// The file the tokenizer was read from.
  public let source: URL
  /// The token strings, indexed by id (in byte-character form: a space is `Ġ`).
  public let tokens: [String]
  /// The pre-tokenizer named by the file (`tokenizer.ggml.pre`, e.g. `smollm`).
  public let preTokenizerName: String
  /// Beginning- and end-of-sequence ids, when the file names them.
  public let beginningOfSequenceToken: Int?
  public let endOfSequenceToken: Int?
  /// The chat template (Jinja source) from `tokenizer.chat_template`, if any.
  public let chatTemplate: String?
  /// Whether llama.cpp's digit split is applied before GPT-2's pattern (see ``init(gguf:splitDigits:)``).
  public let splitsDigits: Bool
  private let ids: [String: Int]
  private let merges: [UInt64: (rank: Int, token: Int)]
  private let byteTokens: [Int?]
  private let specials: [(text: String, id: Int)]
  private let addsBeginningOfSequence: Bool
  // Keyed by bytes: String equality is canonical equivalence, and "é" and "e\u{301}" tokenize differently.
  private var wordCache: [[UInt8]: [Int]] = [:]
  private let lock = NSLock()

  /// The tokenizer of a GGUF file, or of the one GGUF file in a folder (a model-store entry).
  public convenience init(pretrained url: URL) throws {
    try self.init(gguf: GGUFFile(contentsOf: PretrainedError.locate(url, ext: "gguf")))
  }

  /// The tokenizer stored in `file`'s metadata.
  ///
  /// - Parameter splitDigits: Split every digit into its own word before GPT-2's pattern, as
  ///   llama.cpp's `smollm` pre-tokenizer does. Off by default: Hugging Face's loader of the
  ///   same file splits with GPT-2's pattern alone, and the two differ on whitespace before
  ///   digits (`"a  1"`), so the default is the one whose ids transformers reproduces.
  /// - Throws: ``GGUFError`` when the tokenizer metadata is missing or inconsistent,
  ///   ``PretrainedError/unsupportedFeature(file:feature:)`` for a non-BPE tokenizer.
  public init(gguf file: GGUFFile, splitDigits: Bool = false) throws {
    let model = try file.requiredString("tokenizer.ggml.model")
    guard model == "gpt2" else {
      throw PretrainedError.unsupportedFeature(file: file.url, feature: "tokenizer model '\(model)' (Interp reads byte-level BPE, 'gpt2')")
    }
    source = file.url
    tokens = try file.requiredStrings("tokenizer.ggml.tokens")
    var ids: [String: Int] = [:]
    for (id, token) in tokens.enumerated() where ids[token] == nil { ids[token] = id }
    self.ids = ids
    var merges: [UInt64: (rank: Int, token: Int)] = [:]
    for (rank, merge) in try file.requiredStrings("tokenizer.ggml.merges").enumerated() {
      let parts = merge.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: false)
      guard parts.count == 2, let left = ids[String(parts[0])], let right = ids[String(parts[1])],
        let merged = ids[String(parts[0]) + String(parts[1])]
      else {
        throw GGUFError(file: file.url, key: "tokenizer.ggml.merges", reason: .invalidValue("merge \(rank) '\(merge)' names tokens the vocabulary lacks"))
      }
      let key = UInt64(left) << 32 | UInt64(right)
      if merges[key] == nil { merges[key] = (rank, merged) }
    }
    self.merges = merges
    // A vocabulary may lack some bytes (SmolLM2 has no token for most control bytes); as in
    // Hugging Face's BPE without an unknown token, such bytes are dropped.
    byteTokens = ByteLevelPreTokenizer.byteCharacters.map { ids[String(Character($0))] }
    // Control and user-defined tokens are matched literally in the text, longest first.
    let types = file.metadata["tokenizer.ggml.token_type"]?.array?.map { $0.int ?? 1 } ?? []
    let vocabulary = tokens
    specials = types.enumerated().filter { ($0.element == 3 || $0.element == 4) && $0.offset < vocabulary.count }
      .map { (vocabulary[$0.offset], $0.offset) }.filter { !$0.0.isEmpty }.sorted { $0.0.utf8.count > $1.0.utf8.count }
    preTokenizerName = file.metadata["tokenizer.ggml.pre"]?.string ?? "default"
    beginningOfSequenceToken = file.metadata["tokenizer.ggml.bos_token_id"]?.int
    endOfSequenceToken = file.metadata["tokenizer.ggml.eos_token_id"]?.int
    addsBeginningOfSequence = file.metadata["tokenizer.ggml.add_bos_token"]?.bool ?? false
    chatTemplate = file.metadata["tokenizer.chat_template"]?.string
    splitsDigits = splitDigits
  }

  /// Number of token ids.
  public var vocabularySize: Int { tokens.count }

  /// The ids of `text`.
  public func encode(_ text: String) -> [Int] {
    var result: [Int] = []
    if addsBeginningOfSequence, let bos = beginningOfSequenceToken { result.append(bos) }
    for (piece, special) in splitSpecials(text) {
      if let special {
        result.append(special)
        continue
      }
      for word in ByteLevelPreTokenizer.split(piece, splitDigits: splitsDigits) { result += encodeWord(word) }
    }
    return result
  }

  /// The text of `ids`: their bytes joined and read as UTF-8 (invalid sequences become U+FFFD).
  public func decode(_ ids: [Int]) -> String {
    var bytes: [UInt8] = []
    for id in ids where id >= 0 && id < tokens.count {
      for scalar in tokens[id].unicodeScalars {
        if let byte = ByteLevelPreTokenizer.characterBytes[scalar] {
          bytes.append(byte)
        } else {
          bytes += Array(String(Character(scalar)).utf8)
        }
      }
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// The id of a token string (byte-character form), if the vocabulary has it.
  public func id(of token: String) -> Int? { ids[token] }

  /// `text` cut at each special token: plain pieces with `nil`, special ones with their id.
  private func splitSpecials(_ text: String) -> [(String, Int?)] {
    guard !specials.isEmpty, text.contains("<") || specials.contains(where: { !$0.text.hasPrefix("<") }) else {
      return [(text, nil)]
    }
    var pieces: [(String, Int?)] = []
    var rest = Substring(text)
    var plain = ""
    while !rest.isEmpty {
      if let match = specials.first(where: { rest.utf8.starts(with: $0.text.utf8) }) {
        if !plain.isEmpty { pieces.append((plain, nil)) }
        plain = ""
        pieces.append((match.text, match.id))
        rest = rest.dropFirst(match.text.count)
      } else {
        plain.unicodeScalars.append(rest.unicodeScalars.first!)
        rest = Substring(rest.unicodeScalars.dropFirst())
      }
    }
    if !plain.isEmpty { pieces.append((plain, nil)) }
    return pieces
  }

  /// BPE over one word's bytes: repeatedly merge the adjacent pair of lowest rank.
  private func encodeWord(_ word: Substring.UnicodeScalarView) -> [Int] {
    let bytes = Array(String(word).utf8)
    lock.lock()
    let cached = wordCache[bytes]
    lock.unlock()
    if let cached { return cached }
    var symbols = bytes.compactMap { byteTokens[Int($0)] }
    while symbols.count > 1 {
      var best: (rank: Int, index: Int, token: Int)?
      for i in 0..<(symbols.count - 1) {
        if let merge = merges[UInt64(symbols[i]) << 32 | UInt64(symbols[i + 1])], merge.rank < (best?.rank ?? .max) {
          best = (merge.rank, i, merge.token)
        }
      }
      guard let best else { break }
      symbols[best.index] = best.token
      symbols.remove(at: best.index + 1)
    }
    lock.lock()
    if wordCache.count < 100_000 { wordCache[bytes] = symbols }
    lock.unlock()
    return symbols
  }
}
