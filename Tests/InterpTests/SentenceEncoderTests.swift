import Foundation
import Testing

@testable import Interp

@Suite struct SentenceEncoderTests {
  @Test func poolingAveragesRealTokensAndNormalises() {
    // [1, 3, 2]: positions 0 and 1 are real, position 2 is padding.
    let hidden = Tensor(shape: [1, 3, 2], scalars: [3, 0, 1, 4, 100, 100])
    let pooled = SentenceEncoder.meanPool(hidden, mask: [[1, 1, 0]])
    #expect(pooled == [2, 2])
    let unit = SentenceEncoder.normalized(pooled[...])
    #expect(Swift.abs(unit[0] - Float(0.5).squareRoot()) < 1e-7 && unit[0] == unit[1])
    #expect(SentenceEncoder.normalized([0, 0][...]) == [0, 0])
  }

  @Test func batchingDoesNotChangeEmbeddings() throws {
    let model = try HookedEncoder(pretrained: EncoderFixtures.folder.appendingPathComponent("tiny-bert"))
    let vocabulary = ["[PAD]", "[UNK]", "[CLS]", "[SEP]"] + (4..<99).map { "w\($0)" }
    let tokenizer = try WordPieceTokenizer(vocabulary: vocabulary, maximumLength: 40)
    let sentences = ["w5 w6 w7", "w9", "w10 w11 w12 w13 w14 w15", "w7 w7", "nothing known"]
    let one = SentenceEncoder(model: model, tokenizer: tokenizer, batchSize: 1)
    let many = SentenceEncoder(model: model, tokenizer: tokenizer, batchSize: 3)
    let a = try one.embed(sentences)
    let b = try many.embed(sentences)
    #expect(a.shape == [5, 32])
    #expect(CoreTestSupport.allClose(a, b, rtol: 1e-5, atol: 1e-6))
    let norms = (a * a).sum(axis: 1).toArray()
    #expect(norms.allSatisfy { Swift.abs($0 - 1) < 1e-5 })
    #expect(try one.embed([]).shape == [0, 32])
  }

  /// sentence-transformers' embeddings of the same sentences, from the committed fixture.
  @Test(.enabled(if: EncoderFixtures.miniLMInstalled, EncoderFixtures.notInstalled))
  func miniLMEmbeddingsMatchSentenceTransformers() throws {
    let reference = try EncoderFixtures.json("minilm-embeddings.json")
    let sentences = reference["sentences"] as! [String]
    let expected = (reference["embeddings"] as! [[Double]]).flatMap { $0 }
    let encoder = try SentenceEncoder(pretrained: EncoderFixtures.miniLM, batchSize: 5)
    #expect(encoder.maximumLength == reference["max_seq_length"] as! Int)
    let embeddings = try encoder.embed(sentences)
    #expect(embeddings.shape == [sentences.count, 384])
    let worst = zip(embeddings.toArray(), expected).map { Swift.abs(Double($0) - $1) }.max()!
    #expect(worst < 1e-4, "largest difference \(worst)")
  }

  @Test(.enabled(if: EncoderFixtures.miniLMInstalled, EncoderFixtures.notInstalled))
  func miniLMCheckpointReadsItsIntegerPositionIDs() throws {
    let checkpoint = try EncoderCheckpoint(locating: EncoderFixtures.miniLM)
    #expect(checkpoint.folder.lastPathComponent == "model")
    let file = try SafeTensorsFile(contentsOf: checkpoint.weights)
    #expect(file.entries["embeddings.position_ids"]?.dtype == .i64)
    #expect(try file.integers("embeddings.position_ids") == (0..<512).map { Int64($0) })
    let model = try HookedEncoder(pretrained: EncoderFixtures.miniLM)
    #expect(model.config.layerCount == 6 && model.config.headCount == 12 && model.config.mlpDimension == 1536)
  }
}
