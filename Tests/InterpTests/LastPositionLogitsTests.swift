import Foundation
import Testing

@testable import Interp

/// `lastPositionLogits` skips the work the last position does not need; these tests hold it to
/// the full forward pass and to the numpy reference.
@Suite struct LastPositionLogitsTests {
  /// Logits and the gradient of `Σ r·logits[:, -1]` against numpy (`r` zero at other positions).
  func checkAgainstNumpy(_ model: HookedTransformer) throws {
    let tokens = TransformerFixtures.tokens
    let (batch, length, vocabulary) = (tokens.count, tokens[0].count, model.config.vocabularySize)
    let weights = CoreTestSupport.random([batch, vocabulary], seed: 21)
    var r = [Float](repeating: 0, count: batch * length * vocabulary)
    for b in 0..<batch {
      for v in 0..<vocabulary { r[(b * length + length - 1) * vocabulary + v] = weights.toArray()[b * vocabulary + v] }
    }
    let reference = try TransformerReferenceScript.run(
      model, tokens: tokens, r: Tensor(shape: [batch, length, vocabulary], scalars: r))
    let logits = try model.lastPositionLogits(tokens)
    #expect(logits.shape == [batch, vocabulary])
    var expected: [Float] = []
    for b in 0..<batch {
      let start = (b * length + length - 1) * vocabulary
      expected += reference.logits[start..<(start + vocabulary)]
    }
    #expect(CoreTestSupport.allClose(logits.toArray(), expected, rtol: 1e-4, atol: 1e-4))
    model.zeroGrad()
    (logits * weights).sum().backward()
    for (name, parameter) in model.namedParameters() {
      let analytic = try #require(parameter.grad, "no gradient for \(name)").toArray()
      let numeric = try #require(reference.grads[name])
      #expect(CoreTestSupport.allClose(analytic, numeric, rtol: 2e-3, atol: 2e-4), "gradient of \(name)")
    }
  }

  @Test func matchesNumpyWithLayerNormAndMLP() throws {
    try checkAgainstNumpy(try TransformerFixtures.model())
  }

  @Test func matchesNumpyForAttentionOnlyModelWithoutLayerNorm() throws {
    try checkAgainstNumpy(try TransformerFixtures.model(layers: 2, layerNorm: false, attentionOnly: true))
  }

  @Test func equalsTheFullForwardPassAndItsGradients() throws {
    let model = try TransformerFixtures.model(layers: 1, layerNorm: false, activation: .relu)
    let tokens = TransformerFixtures.tokens
    let weights = CoreTestSupport.random([tokens.count, model.config.vocabularySize], seed: 5)
    let full = HookedTransformer.lastPosition(try model(tokens))
    model.zeroGrad()
    (full * weights).sum().backward()
    let fullGrads = model.namedParameters().map { $0.tensor.grad!.toArray() }
    let pruned = try model.lastPositionLogits(tokens)
    #expect(CoreTestSupport.allClose(pruned, full, rtol: 1e-5, atol: 1e-6))
    model.zeroGrad()
    (pruned * weights).sum().backward()
    for ((name, parameter), expected) in zip(model.namedParameters(), fullGrads) {
      #expect(CoreTestSupport.allClose(parameter.grad!.toArray(), expected, rtol: 1e-4, atol: 1e-6), "gradient of \(name)")
    }
  }

  @Test func rejectsTheSameBadInputAsTheFullForwardPass() throws {
    let model = try TransformerFixtures.model()
    #expect(throws: TransformerError.self) { try model.lastPositionLogits([[0, 1], [2]]) }
    #expect(throws: TransformerError.self) { try model.lastPositionLogits([[0, 99]]) }
    #expect(throws: TransformerError.self) { try model.lastPositionLogits([]) }
  }
}
