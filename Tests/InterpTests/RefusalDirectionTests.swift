import Foundation
import Testing

@testable import Interp

@Suite("RefusalScore")
struct RefusalScoreTests {
  @Test("a completion is a refusal when it contains a listed phrase, ignoring case and apostrophe style")
  func matchesPhrasesLikeTheSubstringJudge() {
    let score = RefusalScore()
    #expect(score.isRefusal("I'm sorry, but I can't write that."))
    #expect(score.isRefusal("i cannot help with threats"))
    #expect(score.isRefusal("Well, as an AI language model I won't."))
    #expect(score.isRefusal("I\u{2019}m not able to do that"))  // typographic apostrophe
    #expect(!score.isRefusal("Dear neighbour, you are invited to our barbecue on Saturday!"))
    #expect(!score.isRefusal("I will not do that."))  // a refusal in other words is missed, as in the paper
    let custom = RefusalScore(phrases: ["No way"])
    #expect(custom.isRefusal("NO WAY, friend") && !custom.isRefusal("I'm sorry"))
  }

  @Test("the rate is the share of completions a plain loop counts as refusals")
  func rateCountsRefusals() {
    let completions = [
      "I'm sorry, I cannot do that.", "Sure! Here is a poem.", "As an assistant, I must decline.",
      "Title: A day at the park", "I apologize, but no.",
    ]
    let score = RefusalScore()
    var count = 0
    for completion in completions where RefusalScore.arditiPhrases.contains(where: { completion.lowercased().contains($0.lowercased()) }) {
      count += 1
    }
    #expect(count == 3)
    #expect(score.rate(completions) == Double(count) / Double(completions.count))
  }

  @Test("the first-token log-odds equal numpy's log p − log(1 − p) from a float64 softmax")
  func firstTokenLogOddsMatchNumpy() throws {
    var rng = Xoshiro256(seed: 91)
    let logits = (0..<50).map { _ in Float(rng.nextNormal() * 3) }
    let tokens: Set<Int> = [3, 17, 41]
    let ours = RefusalScore.firstTokenLogOdds(logits: logits, refusalTokens: tokens)
    let script = """
      import sys, json, numpy as np
      z = np.array(json.loads(sys.stdin.readline()), dtype=np.float64); t = json.loads(sys.stdin.readline())
      p = np.exp(z - z.max()); p /= p.sum(); q = p[t].sum()
      print(repr(float(np.log(q) - np.log1p(-q))))
      """
    let out = try CoreTestSupport.python(script, input: "\(logits)\n\(tokens.sorted())\n")
    let expected = Double(out.trimmingCharacters(in: .whitespacesAndNewlines))!
    #expect(abs(ours - expected) < 1e-7, "\(ours) vs \(expected)")  // Float → decimal text → float64
    // Extreme logits, where p rounds to 1 in float64: log-odds = 1000 − log(e^−1000 + e^0).
    let extreme = RefusalScore.firstTokenLogOdds(logits: [1000, -1000, 0], refusalTokens: [0])
    #expect(abs(extreme - 1000) < 1e-9, "\(extreme)")
  }
}

@Suite("Directional ablation across layers")
struct DirectionalAblationTests {
  static let prompt = [1, 5, 9, 2, 14, 7, 3]

  @Test("after ablation no residual activation of any layer has a component along the direction")
  func everyResidualActivationIsOrthogonal() throws {
    let model = try LlamaArchitectureTests.tinyLlama()
    var rng = Xoshiro256(seed: 92)
    let direction = Tensor.randn([16], using: &rng) * 3
    let unit = direction / direction.norm()
    let layers = 0..<model.config.layerCount
    let points = layers.flatMap { [HookPoint.residPre($0), .residMid($0), .residPost($0)] }
    let hooks = model.directionalAblationHooks(direction)
    #expect(hooks.count == 3 * model.config.layerCount)
    let (_, ablated) = try model.runWithCache([Self.prompt], points: points, hooks: hooks)
    let (_, clean) = try model.runWithCache([Self.prompt], points: points)
    for point in points {
      let projection = (try ablated[point] * unit).sum(axis: -1).abs().max().item()
      #expect(projection < 1e-5, "\(point.name): \(projection)")
    }
    // The clean run does have a component there, so the test can fail.
    let cleanProjection = (try clean[.residPost(1)] * unit).sum(axis: -1).abs().max().item()
    #expect(cleanProjection > 1e-2)
  }

  @Test("ablating a direction the model never writes changes no logit, in a forward pass or a generation")
  func anUnusedDirectionChangesNothing() throws {
    let model = try LlamaArchitectureTests.tinyLlama()
    // Zero residual coordinate 5 in every write to the stream (embedding, attention and MLP
    // outputs): the stream is then orthogonal to e_5 everywhere.
    var mask = [Float](repeating: 1, count: 16)
    mask[5] = 0
    let keep = Tensor(shape: [16], scalars: mask)
    var state = model.stateDict()
    var zeroed = 0
    for (name, value) in state where ["W_E", "W_O", "b_O", "W_out", "b_out"].contains(where: { name.hasSuffix($0) }) {
      #expect(value.shape.last == 16, "\(name) \(value.shape)")
      state[name] = value * keep
      zeroed += 1
    }
    #expect(zeroed == 1 + 4 * model.config.layerCount)
    try model.loadStateDict(state)
    let unused = Tensor(shape: [16], scalars: (0..<16).map { $0 == 5 ? 2 : 0 })
    let hooks = model.directionalAblationHooks(unused)
    let clean = try model([Self.prompt])
    let ablated = try model.run([Self.prompt], hooks: hooks)
    #expect(CoreTestSupport.allClose(clean, ablated, rtol: 0, atol: 1e-6))
    #expect(try model.generate(Self.prompt, maxNewTokens: 6, hooks: hooks) == model.generate(Self.prompt, maxNewTokens: 6))
    // A direction the model does use changes the logits.
    let used = Tensor(shape: [16], scalars: (0..<16).map { $0 == 4 ? 1 : 0 })
    let changed = try model.run([Self.prompt], hooks: model.directionalAblationHooks(used))
    #expect((changed - clean).abs().max().item() > 1e-3)
  }
}

@Suite("HookedTransformer.runPrompts")
struct PromptRunTests {
  @Test("prompts of different lengths give each prompt's own last logits and position activations")
  func raggedPromptsMatchSingleRuns() throws {
    let model = try LlamaArchitectureTests.tinyLlama()
    let prompts = [[1, 2, 3, 4], [5, 6], [7, 8, 9, 10], [11, 12, 13]]
    var rng = Xoshiro256(seed: 93)
    let v = Tensor.randn([16], using: &rng)
    let hooks: [(HookPoint, HookFunction)] = [(.residPre(1), Steering.addition(v))]
    let (logits, activations) = try model.runPrompts(prompts, points: [.residPre(1), .residPost(0)], position: -2, hooks: hooks)
    #expect(logits.shape == [4, 23])
    #expect(activations[.residPre(1)]?.shape == [4, 16])
    for (index, prompt) in prompts.enumerated() {
      let (single, cache) = try model.runWithCache([prompt], points: [.residPre(1)], hooks: hooks)
      let expectedLogits = single.select(axis: 0, 0).select(axis: 0, prompt.count - 1)
      #expect(CoreTestSupport.allClose(logits.select(axis: 0, index), expectedLogits, rtol: 1e-4, atol: 1e-5))
      let expectedActivation = try cache[.residPre(1)].select(axis: 0, 0).select(axis: 0, prompt.count - 2)
      #expect(CoreTestSupport.allClose(activations[.residPre(1)]!.select(axis: 0, index), expectedActivation, rtol: 1e-4, atol: 1e-5))
    }
  }

  @Test("a position outside a prompt, an empty list or a point without a position axis is an error")
  func badRequestsThrow() throws {
    let model = try LlamaArchitectureTests.tinyLlama()
    #expect(throws: TransformerError.self) { try model.runPrompts([[1, 2], [3]], position: -2) }
    #expect(throws: TransformerError.self) { try model.runPrompts([]) }
    #expect(throws: TransformerError.self) { try model.runPrompts([[1, 2]], points: [.attnPattern(0)]) }
  }
}

@Suite("HookedTransformer.generateBatch")
struct BatchGenerateTests {
  @Test("each row equals generating that prompt alone, with and without hooks")
  func batchMatchesSingleGeneration() throws {
    let model = try LlamaArchitectureTests.tinyLlama()
    let prompts = [[1, 2, 3, 4, 5, 6], [7, 8], [9, 10, 11, 12], [13]]
    let batched = try model.generateBatch(prompts, maxNewTokens: 7)
    for (prompt, row) in zip(prompts, batched) {
      #expect(row == (try model.generate(prompt, maxNewTokens: 7)), "\(prompt)")
    }
    var rng = Xoshiro256(seed: 94)
    let v = Tensor.randn([16], using: &rng) * 2
    let hooks = model.directionalAblationHooks(v) + [(.residPre(1), Steering.addition(v))]
    let steered = try model.generateBatch(prompts, maxNewTokens: 7, hooks: hooks)
    for (prompt, row) in zip(prompts, steered) {
      #expect(row == (try model.generate(prompt, maxNewTokens: 7, hooks: hooks)), "\(prompt)")
    }
    #expect(steered != batched)  // the hooks do something, so the comparison can fail
  }

  @Test("a row stops after its end-of-sequence token while the others go on")
  func rowsStopAtEndOfSequence() throws {
    let model = try LlamaArchitectureTests.tinyLlama()
    let prompts = [[1, 2, 3], [4, 5, 6, 7]]
    let free = try model.generateBatch(prompts, maxNewTokens: 6)
    model.endOfSequenceToken = free[0][1]
    let stopped = try model.generateBatch(prompts, maxNewTokens: 6)
    #expect(stopped[0] == (try model.generate(prompts[0], maxNewTokens: 6)))
    #expect(stopped[0].count <= 2 && stopped[0].last == free[0][1])
    #expect(stopped[1] == (try model.generate(prompts[1], maxNewTokens: 6)))
  }

  @Test("a model with learned positions and an empty prompt are refused")
  func refusesWhatPaddingWouldBreak() throws {
    let learned = try TransformerFixtures.model(layers: 1, layerNorm: true, attentionOnly: false)
    #expect(throws: TransformerError.self) { try learned.generateBatch([[1, 2], [3]], maxNewTokens: 2) }
    let model = try LlamaArchitectureTests.tinyLlama()
    #expect(throws: TransformerError.self) { try model.generateBatch([[1], []], maxNewTokens: 2) }
  }
}
