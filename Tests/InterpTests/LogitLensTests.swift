import Testing

@testable import Interp

@Suite("Logit lens")
struct LogitLensTests {
  @Test("at the last block's output the lens gives the model's logits (LayerNorm and RMSNorm models)")
  func lastLayerEqualsLogits() throws {
    for model in [try TransformerFixtures.model(), try LlamaArchitectureTests.tinyLlama()] {
      let tokens = [[0, 3, 6, 2, 5], [4, 4, 1, 0, 6]]
      let last = model.config.layerCount - 1
      let (logits, cache) = try model.runWithCache(tokens, points: [.residPost(last), .residPost(0)])
      let lens = try model.logitLens(try cache[.residPost(last)])
      #expect(lens.shape == logits.shape)
      #expect(CoreTestSupport.allClose(lens.toArray(), logits.toArray(), rtol: 1e-5, atol: 1e-5))
      // An earlier layer's residual reads differently: the lens is not a constant map.
      let early = try model.logitLens(try cache[.residPost(0)])
      #expect(!CoreTestSupport.allClose(early.toArray(), logits.toArray(), rtol: 1e-3, atol: 1e-3))
    }
  }

  @Test("a residual of the wrong width is an error, not a trap")
  func wrongWidthThrows() throws {
    let model = try TransformerFixtures.model()
    #expect(throws: TransformerError.self) { try model.logitLens(Tensor.zeros([2, 3])) }
  }
}
