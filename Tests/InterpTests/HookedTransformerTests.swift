import Foundation
import Testing

@testable import Interp

/// Small models shared by the transformer tests.
enum TransformerFixtures {
  static func model(
    layers: Int = 2, layerNorm: Bool = true, attentionOnly: Bool = false, activation: Activation = .gelu, seed: UInt64 = 3
  ) throws -> HookedTransformer {
    var rng = Xoshiro256(seed: seed)
    let config = TransformerConfig(
      vocabularySize: 7, contextLength: 6, modelDimension: 8, headCount: 2, headDimension: 3, mlpDimension: 12,
      layerCount: layers, activation: activation, layerNorm: layerNorm, attentionOnly: attentionOnly)
    let model = try HookedTransformer(config, rng: &rng)
    // Non-zero biases and LayerNorm gains so that every parameter matters in the comparison.
    var noise = Xoshiro256(seed: seed + 100)
    for (name, parameter) in model.namedParameters() where name.contains(".b") || name.hasSuffix(".w") {
      var target = parameter
      let base: Float = name.hasSuffix(".w") ? 1 : 0
      target.assign(Tensor.uniform(parameter.shape, low: base - 0.3, high: base + 0.3, using: &noise))
    }
    return model
  }

  static let tokens = [[0, 3, 6, 2, 5], [4, 4, 1, 0, 6]]
}

@Suite struct HookedTransformerNumpyParityTests {
  func checkAgainstNumpy(_ model: HookedTransformer) throws {
    let tokens = TransformerFixtures.tokens
    let logits = try model(tokens)
    let r = CoreTestSupport.random(logits.shape, seed: 11)
    let reference = try TransformerReferenceScript.run(model, tokens: tokens, r: r)
    #expect(logits.shape == [2, 5, 7])
    #expect(CoreTestSupport.allClose(logits.toArray(), reference.logits, rtol: 1e-4, atol: 1e-4))
    let (_, cache) = try model.runWithCache(tokens, points: [.attnPattern(0)])
    #expect(CoreTestSupport.allClose(try cache[.attnPattern(0)].toArray(), reference.pattern0, rtol: 1e-4, atol: 1e-5))
    model.zeroGrad()
    (logits * r).sum().backward()
    for (name, parameter) in model.namedParameters() {
      let analytic = try #require(parameter.grad, "no gradient for \(name)").toArray()
      let numeric = try #require(reference.grads[name])
      #expect(CoreTestSupport.allClose(analytic, numeric, rtol: 2e-3, atol: 2e-4), "gradient of \(name)")
    }
  }

  @Test func logitsPatternAndGradientsMatchNumpyWithLayerNormAndMLP() throws {
    try checkAgainstNumpy(try TransformerFixtures.model())
  }

  @Test func attentionOnlyModelWithoutLayerNormMatchesNumpy() throws {
    try checkAgainstNumpy(try TransformerFixtures.model(layers: 2, layerNorm: false, attentionOnly: true))
  }
}

@Suite struct HookedTransformerHookTests {
  @Test func patchingEveryPointWithItsOwnActivationChangesNothing() throws {
    let model = try TransformerFixtures.model()
    let tokens = TransformerFixtures.tokens
    let (clean, cache) = try model.runWithCache(tokens)
    #expect(cache.points == model.hookPoints)
    #expect(try model(tokens).toArray() == clean.toArray(), "caching changed the logits")
    for point in model.hookPoints {
      let patched = try model.run(tokens, hooks: [(point, Hooks.replace(with: try cache[point]))])
      if point.site == .attnResult {
        // Summing per-head outputs rounds differently from the fused projection.
        #expect(CoreTestSupport.allClose(patched, clean, rtol: 1e-5, atol: 1e-6), "patching \(point) changed the logits")
      } else {
        #expect(patched.toArray() == clean.toArray(), "patching \(point) changed the logits")
      }
    }
  }

  @Test func replacingAnActivationChangesTheOutput() throws {
    let model = try TransformerFixtures.model()
    let tokens = TransformerFixtures.tokens
    let clean = try model(tokens)
    let zeroed = try model.run(tokens, hooks: [(.mlpPost(1), { x, _ in Tensor.zeros(like: x) })])
    #expect(zip(clean.toArray(), zeroed.toArray()).contains { abs($0 - $1) > 1e-3 })
  }

  @Test func cachedShapesFollowTransformerLensConventions() throws {
    let model = try TransformerFixtures.model()
    let (_, cache) = try model.runWithCache(TransformerFixtures.tokens)
    #expect(try cache["blocks.0.hook_resid_pre"].shape == [2, 5, 8])
    #expect(try cache["blocks.1.attn.hook_q"].shape == [2, 5, 2, 3])
    #expect(try cache["blocks.1.attn.hook_z"].shape == [2, 5, 2, 3])
    #expect(try cache["blocks.0.attn.hook_pattern"].shape == [2, 2, 5, 5])
    #expect(try cache["blocks.0.attn.hook_result"].shape == [2, 5, 2, 8])
    #expect(try cache["blocks.0.mlp.hook_post"].shape == [2, 5, 12])
    #expect(try cache["ln_final.hook_normalized"].shape == [2, 5, 8])
  }

  @Test func attentionPatternIsCausalAndRowsSumToOne() throws {
    let model = try TransformerFixtures.model()
    let (_, cache) = try model.runWithCache(TransformerFixtures.tokens, points: [.attnPattern(1)])
    let pattern = try cache[.attnPattern(1)]
    for b in 0..<2 {
      for h in 0..<2 {
        for q in 0..<5 {
          let row = (0..<5).map { pattern.scalar(at: [b, h, q, $0]) }
          #expect(abs(row.reduce(0, +) - 1) < 1e-5)
          #expect(row[(q + 1)...].allSatisfy { $0 == 0 })
        }
      }
    }
  }

  @Test func headResultsSumToTheAttentionOutput() throws {
    let model = try TransformerFixtures.model()
    let (_, cache) = try model.runWithCache(TransformerFixtures.tokens, points: [.attnResult(0), .attnOut(0)])
    let summed = try cache[.attnResult(0)].sum(axis: 2) + model.blocks[0].attn.b_O
    #expect(CoreTestSupport.allClose(summed, try cache[.attnOut(0)], rtol: 1e-5, atol: 1e-5))
  }

  @Test func badlyShapedReplacementFailsNamingThePoint() throws {
    let model = try TransformerFixtures.model()
    let error = #expect(throws: TransformerError.self) {
      try model.run(TransformerFixtures.tokens, hooks: [(.attnZ(0), Hooks.replace(with: Tensor.zeros([2, 5, 6])))])
    }
    #expect(error == .hookShapeMismatch(point: "blocks.0.attn.hook_z", expected: [2, 5, 2, 3], found: [2, 5, 6]))
    #expect(error?.description.contains("blocks.0.attn.hook_z") == true)
  }

  @Test func hooksAtAbsentPointsAreRejected() throws {
    let model = try TransformerFixtures.model(attentionOnly: true)
    #expect(throws: TransformerError.absentHookPoint(point: "blocks.0.mlp.hook_post", reason: "the model is attention-only")) {
      try model.run(TransformerFixtures.tokens, hooks: [(.mlpPost(0), Hooks.read { _ in })])
    }
    #expect(throws: TransformerError.self) {
      try model.runWithCache(TransformerFixtures.tokens, points: [.residPost(7)])
    }
  }

  @Test func badTokensAreReportedWithTheirPosition() throws {
    let model = try TransformerFixtures.model()
    #expect(throws: TransformerError.tokenOutOfRange(token: 9, sequence: 1, position: 2, vocabularySize: 7)) {
      try model([[0, 1, 2], [0, 1, 9]])
    }
    #expect(throws: TransformerError.raggedBatch(lengths: [2, 3])) { try model([[0, 1], [0, 1, 2]]) }
    #expect(throws: TransformerError.sequenceTooLong(length: 7, contextLength: 6)) { try model([[0, 0, 0, 0, 0, 0, 0]]) }
    #expect(throws: TransformerError.emptyInput) { try model([]) }
  }
}

@Suite struct HookPointTests {
  @Test func namesRoundTripAndMatchTransformerLens() throws {
    let model = try TransformerFixtures.model()
    for point in model.hookPoints { #expect(HookPoint(name: point.name) == point) }
    #expect(HookPoint.attnPattern(3).name == "blocks.3.attn.hook_pattern")
    #expect(HookPoint.residPost(0).name == "blocks.0.hook_resid_post")
    #expect(HookPoint.mlpPost(2).name == "blocks.2.mlp.hook_post")
    #expect(HookPoint.embed.name == "hook_embed")
    #expect(HookPoint(name: "blocks.x.hook_resid_pre") == nil)
    #expect(HookPoint(name: "hook_resid_pre") == nil)
  }

  @Test func parameterNamesFollowTransformerLens() throws {
    let names = try TransformerFixtures.model(layers: 1).namedParameters().map(\.name)
    #expect(names.contains("embed.W_E") && names.contains("pos_embed.W_pos") && names.contains("unembed.W_U"))
    #expect(names.contains("blocks.0.attn.W_Q") && names.contains("blocks.0.mlp.W_in") && names.contains("ln_final.w"))
  }
}

@Suite struct HookedTransformerTrainingTests {
  @Test func adamWTrainingLowersNextTokenLoss() throws {
    let model = try TransformerFixtures.model(layers: 1, activation: .relu)
    let tokens = [[1, 2, 3, 4, 5, 6], [6, 5, 4, 3, 2, 1]]
    let optimizer = AdamW(parameters: model.parameters, learningRate: 1e-2, weightDecay: 0.01)
    let initial = try model.nextTokenLoss(tokens).item()
    for _ in 0..<40 {
      optimizer.zeroGrad()
      try model.nextTokenLoss(tokens).backward()
      optimizer.step()
    }
    let final = try model.nextTokenLoss(tokens).item()
    #expect(final < 0.5 * initial, "loss went from \(initial) to \(final)")
  }
}
