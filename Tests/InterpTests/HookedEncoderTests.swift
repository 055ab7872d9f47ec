import Foundation
import Testing

@testable import Interp

@Suite struct HookedEncoderTests {
  typealias S = CoreTestSupport

  static func tinyBERT() throws -> (model: HookedEncoder, reference: [String: Any]) {
    let model = try HookedEncoder(pretrained: EncoderFixtures.folder.appendingPathComponent("tiny-bert"))
    return (model, try EncoderFixtures.json("tiny-bert-outputs.json"))
  }

  static func input(_ reference: [String: Any]) -> EncoderInput {
    EncoderInput(
      tokens: reference["tokens"] as! [[Int]], tokenTypes: reference["token_types"] as! [[Int]],
      attentionMask: reference["attention_mask"] as! [[Int]])
  }

  static func maxDifference(_ a: Tensor, _ b: [Double]) -> Double {
    zip(a.contiguous().toArray(), b).map { Swift.abs(Double($0) - $1) }.max() ?? .infinity
  }

  @Test func tinyBERTMatchesTransformers() throws {
    let (model, reference) = try Self.tinyBERT()
    #expect(model.config == EncoderConfig(
      vocabularySize: 99, contextLength: 40, modelDimension: 32, headCount: 4, mlpDimension: 37, layerCount: 2,
      tokenTypeCount: 3))
    let input = Self.input(reference)
    let (hidden, cache) = try model.runWithCache(input)
    #expect(hidden.shape == reference["shape"] as! [Int])
    // Padded positions are compared too: Hugging Face also computes them (attending to real keys).
    #expect(Self.maxDifference(hidden, reference["last_hidden_state"] as! [Double]) < 1e-5)
    let states = reference["hidden_states"] as! [[Double]]
    for layer in 0..<2 {
      #expect(Self.maxDifference(try cache[.residPre(layer)], states[layer]) < 1e-5)
      let attention = (reference["attentions"] as! [[Double]])[layer]
      #expect(Self.maxDifference(try cache[.attnPattern(layer)], attention) < 1e-6)
    }
    #expect(Self.maxDifference(try cache[HookPoint(.ln2Normalized, layer: 1)] * model.blocks[1].ln2.required("w") + model.blocks[1].ln2.required("b"), states[2]) < 1e-5)
  }

  @Test func paddingDoesNotChangeRealPositions() throws {
    let (model, _) = try Self.tinyBERT()
    let alone = try model(EncoderInput(tokens: [[2, 17, 45, 3]], tokenTypes: [[0, 1, 1, 0]]))
    let padded = try model(EncoderInput(tokens: [[2, 17, 45, 3, 0, 0, 5]], tokenTypes: [[0, 1, 1, 0, 0, 0, 2]], attentionMask: [[1, 1, 1, 1, 0, 0, 0]]))
    #expect(S.allClose(padded.slice(axis: 1, 0..<4).contiguous(), alone, rtol: 1e-5, atol: 1e-5))
    // With the mask off, the same extra tokens do change the real positions.
    let unmasked = try model(EncoderInput(tokens: [[2, 17, 45, 3, 0, 0, 5]], tokenTypes: [[0, 1, 1, 0, 0, 0, 2]]))
    #expect(!S.allClose(unmasked.slice(axis: 1, 0..<4).contiguous(), alone, rtol: 1e-3, atol: 1e-3))
  }

  @Test func attentionIsBidirectionalAndSkipsPadding() throws {
    let (model, reference) = try Self.tinyBERT()
    let (_, cache) = try model.runWithCache(Self.input(reference), points: [.attnPattern(0)])
    let pattern = try cache[.attnPattern(0)]  // [batch, head, query, key]
    #expect(pattern.shape == [2, 4, 7, 7])
    #expect(pattern.scalar(at: [1, 0, 0, 6]) > 0)  // the first query sees the last key
    for head in 0..<4 {
      for query in 0..<7 { #expect(pattern.scalar(at: [0, head, query, 5]) == 0 && pattern.scalar(at: [0, head, query, 6]) == 0) }
    }
  }

  @Test func cacheHoldsEveryHookPointWithTransformerLensNames() throws {
    let (model, reference) = try Self.tinyBERT()
    let (_, cache) = try model.runWithCache(Self.input(reference))
    #expect(Set(cache.points) == Set(model.hookPoints) && cache.points.count == 34)
    #expect(try cache["blocks.1.attn.hook_q"].shape == [2, 7, 4, 8])
    #expect(try cache["blocks.0.attn.hook_z"].shape == [2, 7, 4, 8])
    #expect(try cache["blocks.0.attn.hook_result"].shape == [2, 7, 4, 32])
    #expect(try cache["blocks.1.mlp.hook_post"].shape == [2, 7, 37])
    #expect(try cache["hook_embed"].shape == [2, 7, 32])
    // Per-head results sum (with the bias) to the attention output.
    let summed = try cache[.attnResult(0)].sum(axis: 2) + model.blocks[0].attn.b_O
    #expect(S.allClose(summed, try cache[.attnOut(0)], rtol: 1e-4, atol: 1e-5))
    #expect(throws: TransformerError.absentHookPoint(point: "ln_final.hook_normalized", reason: "an encoder has no ln_final.hook_normalized (it has no final LayerNorm or unembedding)")) {
      try model.runWithCache(Self.input(reference), points: [.lnFinalNormalized])
    }
  }

  @Test func hooksChangeTheOutput() throws {
    let (model, reference) = try Self.tinyBERT()
    let input = Self.input(reference)
    let clean = try model(input)
    // Zero-ablating head 2 of layer 1 changes the output exactly as removing its result does.
    let ablated = try model.run(input, hooks: [(.attnZ(1), { z, _ in
      var mask = Tensor.ones(z.shape)
      mask[.all, .all, 2] = Tensor.zeros([2, 7, 8])
      return z * mask
    })])
    #expect(!S.allClose(ablated, clean, rtol: 1e-3, atol: 1e-3))
    let viaResult = try model.run(input, hooks: [(.attnResult(1), { r, _ in
      var mask = Tensor.ones(r.shape)
      mask[.all, .all, 2] = Tensor.zeros([2, 7, 32])
      return r * mask
    })])
    #expect(S.allClose(ablated, viaResult, rtol: 1e-4, atol: 1e-5))
    #expect(throws: TransformerError.hookShapeMismatch(point: "blocks.0.mlp.hook_post", expected: [2, 7, 37], found: [1])) {
      try model.run(input, hooks: [(.mlpPost(0), { _, _ in Tensor([1]) })])
    }
  }

  @Test func gradientsFlowToTheWeights() throws {
    let (model, reference) = try Self.tinyBERT()
    let loss = try model(Self.input(reference)).square().sum()
    loss.backward()
    let grad = try #require(model.blocks[0].attn.W_Q.grad)
    #expect(grad.shape == [4, 32, 8] && grad.abs().sum().item() > 0)
    model.zeroGrad()
  }

  @Test func badInputIsRejectedWithContext() throws {
    let (model, _) = try Self.tinyBERT()
    #expect(throws: TransformerError.tokenOutOfRange(token: 99, sequence: 0, position: 1, vocabularySize: 99)) {
      try model([[2, 99]])
    }
    #expect(throws: TransformerError.sequenceTooLong(length: 41, contextLength: 40)) {
      try model([Array(repeating: 5, count: 41)])
    }
    #expect(throws: TransformerError.self) { try model(EncoderInput(tokens: [[2, 3]], tokenTypes: [[0, 3]])) }
    #expect(throws: TransformerError.self) { try model(EncoderInput(tokens: [[2, 3]], attentionMask: [[0, 0]])) }
    #expect(throws: TransformerError.emptyInput) { try model([]) }
  }

  @Test func missingWeightsNameTheFileAndTensor() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("encoder-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let source = EncoderFixtures.folder.appendingPathComponent("tiny-bert")
    try FileManager.default.copyItem(at: source.appendingPathComponent("config.json"), to: folder.appendingPathComponent("config.json"))
    var tensors = try SafeTensors.read(from: source.appendingPathComponent("model.safetensors"))
    tensors["encoder.layer.1.output.dense.bias"] = nil
    let weights = folder.appendingPathComponent("model.safetensors")
    try SafeTensors.write(tensors, to: weights)
    #expect(throws: EncoderError(file: weights.path, problem: "the checkpoint has no tensor 'encoder.layer.1.output.dense.bias'")) {
      try HookedEncoder(pretrained: folder)
    }
    tensors["encoder.layer.1.output.dense.bias"] = Tensor.zeros([31])
    try SafeTensors.write(tensors, to: weights)
    #expect(throws: EncoderError(file: weights.path, problem: "tensor 'encoder.layer.1.output.dense.bias' has shape [31]; the configuration needs [32]")) {
      try HookedEncoder(pretrained: folder)
    }
    #expect(throws: EncoderError.self) { try HookedEncoder(pretrained: folder.appendingPathComponent("nowhere")) }
  }
}
