import Foundation

/// Sentence embeddings from a BERT checkpoint, as sentence-transformers computes them: encode,
/// mean-pool the final hidden states over real tokens, L2-normalise.
///
/// ```swift
/// let encoder = try SentenceEncoder(pretrained: URL(fileURLWithPath: checkpointFolder))
/// let e = try encoder.embed(["A man is eating food.", "A man eats."])   // [2, 384]
/// let cosine = (e[0] * e[1]).sum()
/// ```
public final class SentenceEncoder {
  /// The encoder (hook it or cache it like any ``HookedEncoder``).
  public let model: HookedEncoder
  public let tokenizer: WordPieceTokenizer
  /// Longest token sequence embedded; longer texts are truncated (sentence-transformers'
  /// `max_seq_length`, 256 for all-MiniLM-L6-v2).
  public let maximumLength: Int
  /// Sentences per forward pass; each batch is padded to its longest sentence.
  public var batchSize: Int

  /// Combines a model and tokenizer; `maximumLength` is capped by the model's positions.
  public init(model: HookedEncoder, tokenizer: WordPieceTokenizer, maximumLength: Int? = nil, batchSize: Int = 32) {
    self.model = model
    self.tokenizer = tokenizer
    self.maximumLength = Swift.min(maximumLength ?? tokenizer.maximumLength, model.config.contextLength, tokenizer.maximumLength)
    self.batchSize = Swift.max(1, batchSize)
  }

  /// Loads model and tokenizer from the checkpoint in `url` (a model-store entry or any folder
  /// above the files), with `max_seq_length` from `sentence_bert_config.json` when present.
  ///
  /// - Throws: ``EncoderError``, ``SafeTensorsError`` naming the file at fault.
  public convenience init(pretrained url: URL, batchSize: Int = 32) throws {
    let checkpoint = try EncoderCheckpoint(locating: url)
    let model = try HookedEncoder(pretrained: checkpoint.folder)
    let tokenizer = try WordPieceTokenizer(pretrained: checkpoint.folder)
    var maximum: Int?
    if let file = checkpoint.file("sentence_bert_config.json"), let data = try? Data(contentsOf: file),
      let settings = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any],
      let value = settings["max_seq_length"] as? NSNumber
    {
      maximum = Int(exactly: value.doubleValue)
    }
    self.init(model: model, tokenizer: tokenizer, maximumLength: maximum, batchSize: batchSize)
  }

  /// Unit-length embeddings `[sentences.count, d_model]`, row `i` for `sentences[i]`.
  ///
  /// Sentences are batched in order of length (so padding stays short); each row is the same
  /// whichever batch it lands in, up to float rounding.
  public func embed(_ sentences: [String]) throws -> Tensor {
    let d = model.config.modelDimension
    guard !sentences.isEmpty else { return Tensor.zeros([0, d]) }
    let encoded = sentences.map { tokenizer.encode($0, maxLength: maximumLength) }
    let order = encoded.indices.sorted { (encoded[$0].count, $0) > (encoded[$1].count, $1) }
    var rows = [Float](repeating: 0, count: sentences.count * d)
    for start in stride(from: 0, to: order.count, by: batchSize) {
      let members = Array(order[start..<Swift.min(start + batchSize, order.count)])
      let length = members.map { encoded[$0].count }.max()!
      let input = EncoderInput(
        tokens: members.map { encoded[$0] + Array(repeating: tokenizer.paddingID, count: length - encoded[$0].count) },
        tokenTypes: members.map { _ in Array(repeating: 0, count: length) },
        attentionMask: members.map { Array(repeating: 1, count: encoded[$0].count) + Array(repeating: 0, count: length - encoded[$0].count) })
      // No graph: embedding is evaluation, and recording would keep every activation alive.
      let pooled = try withNoGrad { try Self.meanPool(model(input), mask: input.attentionMask) }
      for (row, index) in members.enumerated() {
        let normalized = Self.normalized(pooled[(row * d)..<((row + 1) * d)])
        rows.replaceSubrange((index * d)..<((index + 1) * d), with: normalized)
      }
    }
    return Tensor(shape: [sentences.count, d], scalars: rows)
  }

  /// Mean of `hidden` `[batch, pos, d]` over positions whose mask is 1, as `[batch·d]` values.
  static func meanPool(_ hidden: Tensor, mask: [[Int]]) -> [Float] {
    let (batch, length, d) = (hidden.shape[0], hidden.shape[1], hidden.shape[2])
    let values = hidden.contiguous().toArray()
    var out = [Float](repeating: 0, count: batch * d)
    for b in 0..<batch {
      var count: Float = 0
      for p in 0..<length where mask[b][p] != 0 {
        count += 1
        let base = (b * length + p) * d
        for j in 0..<d { out[b * d + j] += values[base + j] }
      }
      // sentence-transformers clamps the token count at 1e-9.
      let scale = 1 / Swift.max(count, 1e-9)
      for j in 0..<d { out[b * d + j] *= scale }
    }
    return out
  }

  /// `v / max(‖v‖, 1e-12)`, as `torch.nn.functional.normalize`.
  static func normalized(_ v: ArraySlice<Float>) -> [Float] {
    let norm = v.reduce(Float(0)) { $0 + $1 * $1 }.squareRoot()
    let scale = 1 / Swift.max(norm, 1e-12)
    return v.map { $0 * scale }
  }
}
