import Foundation
import Testing

@testable import Interp

/// The Llama-family configuration on small random models (no checkpoint needed).
@Suite("Llama architecture")
struct LlamaArchitectureTests {
  static func tinyLlama(seed: UInt64 = 7) throws -> HookedTransformer {
    var rng = Xoshiro256(seed: seed)
    let config = TransformerConfig(
      vocabularySize: 23, contextLength: 32, modelDimension: 16, headCount: 4, mlpDimension: 24, layerCount: 2,
      activation: .silu, normalization: .rmsNorm, positionalEmbedding: .rotary(base: 10_000), keyValueHeadCount: 2,
      gatedMLP: true)
    return try HookedTransformer(config, rng: &rng)
  }

  @Test("a key-value cache gives the logits of the full forward pass, token by token")
  func cacheMatchesFullForward() throws {
    let model = try Self.tinyLlama()
    let tokens = [3, 17, 5, 9, 22, 1, 0, 14]
    let full = try model([tokens])
    let cache = KVCache()
    let prefix = try model.forward([Array(tokens[0..<3])], runner: nil, cache: cache)
    var rows = [prefix]
    for token in tokens[3...] { rows.append(try model.forward([[token]], runner: nil, cache: cache)) }
    let stepwise = Tensor.concat(rows, axis: 1)
    #expect(stepwise.shape == full.shape)
    #expect((stepwise - full).abs().max().item() < 1e-5)
    #expect(cache.length(layer: 1) == tokens.count)
  }

  @Test("greedy generation equals re-running the whole sequence and taking the argmax")
  func greedyMatchesRecomputation() throws {
    let model = try Self.tinyLlama()
    let prompt = [4, 8, 15, 16]
    let generated = try model.generate(prompt, maxNewTokens: 6)
    var sequence = prompt
    for _ in 0..<6 {
      let last = HookedTransformer.lastPosition(try model([sequence])).toArray()
      sequence.append(last.indices.max { last[$0] < last[$1] }!)
    }
    #expect(generated == Array(sequence[prompt.count...]))
  }

  @Test("generation stops after the end-of-sequence token and not before")
  func stopsAtEndOfSequence() throws {
    let model = try Self.tinyLlama()
    let free = try model.generate([1, 2, 3], maxNewTokens: 5)
    model.endOfSequenceToken = free[1]
    let stopped = try model.generate([1, 2, 3], maxNewTokens: 5)
    #expect(stopped == Array(free.prefix(through: free.firstIndex(of: free[1])!)))
  }

  @Test("seeded sampling repeats for a seed, differs across seeds, and top-k 1 is greedy")
  func seededSampling() throws {
    let model = try Self.tinyLlama()
    let a = try model.generate([1, 2], maxNewTokens: 12, sampling: .sample(temperature: 2, seed: 1))
    let b = try model.generate([1, 2], maxNewTokens: 12, sampling: .sample(temperature: 2, seed: 1))
    let c = try model.generate([1, 2], maxNewTokens: 12, sampling: .sample(temperature: 2, seed: 2))
    #expect(a == b)
    #expect(a != c)
    let topOne = try model.generate([1, 2], maxNewTokens: 6, sampling: .sample(temperature: 1, topK: 1, seed: 3))
    #expect(topOne == (try model.generate([1, 2], maxNewTokens: 6)))
    let nucleus = try model.generate([1, 2], maxNewTokens: 6, sampling: .sample(temperature: 1, topP: 1e-6, seed: 4))
    #expect(nucleus == topOne)
  }

  @Test("hooks apply during generation: steering the residual stream changes the tokens")
  func hooksApplyDuringGeneration() throws {
    let model = try Self.tinyLlama()
    let plain = try model.generate([5, 6, 7], maxNewTokens: 8)
    var calls = 0
    let steered = try model.generate([5, 6, 7], maxNewTokens: 8, hooks: [
      (.residPre(1), { activation, _ in
        calls += 1
        return activation + Tensor.randn(activation.shape, std: 30, using: &Self.noise)
      })
    ])
    #expect(calls == 8)
    #expect(steered != plain)
  }
  nonisolated(unsafe) static var noise = Xoshiro256(seed: 99)

  @Test("grouped-query attention: K and V have the key-value heads, patterns and z every query head")
  func groupedQueryShapes() throws {
    let model = try Self.tinyLlama()
    let (_, cache) = try model.runWithCache([[1, 2, 3, 4, 5]])
    #expect(try cache[.attnQ(0)].shape == [1, 5, 4, 4])
    #expect(try cache[.attnK(0)].shape == [1, 5, 2, 4])
    #expect(try cache[.attnV(0)].shape == [1, 5, 2, 4])
    #expect(try cache[.attnRotK(0)].shape == [1, 5, 2, 4])
    #expect(try cache[.attnPattern(0)].shape == [1, 4, 5, 5])
    #expect(try cache[.attnZ(0)].shape == [1, 5, 4, 4])
    #expect(try cache[.mlpPreLinear(1)].shape == [1, 5, 24])
    #expect(!model.hookPoints.contains(.posEmbed))
    // Query heads 2 and 3 share key-value head 1: z of head h is pattern_h · V of head h / 2.
    let pattern = try cache[.attnPattern(0)]
    let v = try cache[.attnV(0)]
    let z = try cache[.attnZ(0)]
    for head in 0..<4 {
      let expected = pattern.select(axis: 1, head).matmul(v.select(axis: 2, head / 2))  // [1, 5, 4]
      #expect((z.select(axis: 2, head) - expected).abs().max().item() < 1e-5)
    }
  }

  @Test("rotary attention depends on relative position only: shifting both q and k positions keeps q·k")
  func rotaryIsRelative() {
    var rng = Xoshiro256(seed: 5)
    let q = Tensor.randn([1, 1, 1, 8], using: &rng)
    let k = Tensor.randn([1, 1, 1, 8], using: &rng)
    func dot(_ pq: Int, _ pk: Int) -> Float {
      let a = RotaryEmbedding(positions: pq..<(pq + 1), dimension: 8, base: 10_000).apply(q)
      let b = RotaryEmbedding(positions: pk..<(pk + 1), dimension: 8, base: 10_000).apply(k)
      return (a * b).sum().item()
    }
    #expect(abs(dot(7, 3) - dot(107, 103)) < 1e-4)
    #expect(abs(dot(7, 3) - dot(3, 7)) > 1e-3)
  }

  @Test("RMSNorm's hook sees x / rms(x) before the gain")
  func rmsNormHook() throws {
    let model = try Self.tinyLlama()
    let (_, cache) = try model.runWithCache([[1, 2, 3]])
    let pre = try cache[.residPre(0)]
    let normalized = try cache[HookPoint(.ln1Normalized, layer: 0)]
    let rms = (pre.square().mean(axis: -1, keepDims: true) + 1e-5).sqrt()
    #expect((normalized - pre / rms).abs().max().item() < 1e-6)
  }
}
