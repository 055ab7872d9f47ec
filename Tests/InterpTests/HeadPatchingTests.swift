import Foundation
import Testing

@testable import Interp

/// Per-query-head patching and head-set ablation on a tiny random Llama-style model with
/// grouped-query attention (4 query heads over 2 key-value heads), checked against the
/// one-hook-per-cell implementations and against attention computed by hand.
@Suite("Head patching and head-set ablation")
struct HeadPatchingTests {
  let clean = [[1, 2, 3, 4, 5, 6], [6, 5, 4, 3, 2, 1], [7, 8, 9, 10, 11, 12]]
  let corrupted = [[1, 2, 0, 4, 13, 6], [6, 5, 1, 3, 14, 1], [7, 8, 2, 10, 15, 12]]
  let metric = ActivationPatching.logitDifference(correct: [3, 1, 9], incorrect: [0, 4, 2])

  static func gqaModel() throws -> HookedTransformer {
    var rng = Xoshiro256(seed: 11)
    let config = TransformerConfig(
      vocabularySize: 23, contextLength: 16, modelDimension: 16, headCount: 4, mlpDimension: 24, layerCount: 3,
      activation: .silu, normalization: .rmsNorm, positionalEmbedding: .rotary(base: 10_000), keyValueHeadCount: 2,
      gatedMLP: true)
    return try HookedTransformer(config, rng: &rng)
  }

  static func maxGap(_ a: [[Double]], _ b: [[Double]]) -> Double {
    zip(a, b).flatMap { zip($0, $1).map { abs($0 - $1) } }.max() ?? .infinity
  }

  @Test("batched per-query-head patching equals one hooked run per head")
  func byQueryHeadMatchesByHead() throws {
    let model = try Self.gqaModel()
    let batched = try ActivationPatching.byQueryHead(model, clean: clean, corrupted: corrupted, metric: metric)
    let reference = try ActivationPatching.byHead(model, clean: clean, corrupted: corrupted, site: .attnZ, metric: metric)
    #expect(batched.values.count == 3 && batched.values[0].count == 4, "one column per query head, not per key-value head")
    #expect(abs(reference.clean - reference.corrupted) > 1e-3, "the corruption must move the metric")
    #expect(abs(batched.clean - reference.clean) < 1e-5 && abs(batched.corrupted - reference.corrupted) < 1e-5)
    #expect(Self.maxGap(batched.raw, reference.raw) < 1e-4)
    #expect(Self.maxGap(batched.raw, batched.raw.map { $0.map { _ in batched.corrupted } }) > 1e-3, "some head matters")
  }

  @Test("batched layer × position residual patching equals one hooked run per cell")
  func residualGridMatchesByPosition() throws {
    let model = try Self.gqaModel()
    let batched = try ActivationPatching.residualByLayerAndPosition(model, clean: clean, corrupted: corrupted, metric: metric)
    let reference = try ActivationPatching.byPosition(model, clean: clean, corrupted: corrupted, site: .residPre, metric: metric)
    #expect(batched.values.count == 3 && batched.values[0].count == 6)
    #expect(Self.maxGap(batched.raw, reference.raw) < 1e-4)
    // Unchanged positions at layer 0 have no effect; the whole last position at layer 0 is not all that differs.
    for p in [0, 1, 3, 5] { #expect(abs(batched.raw[0][p] - batched.corrupted) < 1e-5) }
  }

  @Test("patching every query head of a layer equals patching the layer's whole hook_z")
  func allHeadsOfALayerEqualTheWholeLayer() throws {
    let model = try Self.gqaModel()
    let points = (0..<3).map { HookPoint.attnZ($0) }
    let (_, cache) = try model.runWithCache(clean, points: points)
    for layer in 0..<3 {
      let heads = (0..<4).map { AttentionHead(layer: layer, head: $0) }
      let bySet = metric(try model.run(corrupted, hooks: try HeadSetHooks.patching(heads, from: cache)))
      let whole = try ActivationPatching.patch(model, clean: cache, corrupted: corrupted, point: points[layer], metric: metric)
      #expect(abs(bySet - whole) < 1e-5)
    }
  }

  @Test("each query head's hook_z is its own attention over the key-value head it shares")
  func gqaHeadIndexingMatchesHandComputedAttention() throws {
    let model = try Self.gqaModel()
    let tokens = [clean[0]]
    let layer = 1
    let (_, cache) = try model.runWithCache(tokens, points: [.attnRotQ(layer), .attnRotK(layer), .attnV(layer), .attnZ(layer)])
    let (q, k, v, z) = (try cache[.attnRotQ(layer)], try cache[.attnRotK(layer)], try cache[.attnV(layer)], try cache[.attnZ(layer)])
    let (t, heads, kvHeads, e) = (q.shape[1], q.shape[2], k.shape[2], q.shape[3])
    #expect(k.shape[2] == 2 && z.shape[2] == 4)
    for h in 0..<heads {
      let g = h / (heads / kvHeads)  // consecutive query heads share a key-value head
      for i in 0..<t {
        var scores = (0...i).map { j in
          (0..<e).reduce(Float(0)) { $0 + q.scalar(at: [0, i, h, $1]) * k.scalar(at: [0, j, g, $1]) } / Float(e).squareRoot()
        }
        let top = scores.max()!
        scores = scores.map { exp($0 - top) }
        let total = scores.reduce(0, +)
        for d in 0..<e {
          let expected = (0...i).reduce(Float(0)) { $0 + scores[$1] / total * v.scalar(at: [0, $1, g, d]) }
          #expect(abs(z.scalar(at: [0, i, h, d]) - expected) < 1e-4, "L\(layer)H\(h) position \(i) dim \(d)")
        }
      }
    }
  }

  @Test("mean-ablating a head set equals chaining one mean-ablation hook per head")
  func meanAblationMatchesPerHeadHooks() throws {
    let model = try Self.gqaModel()
    let (_, reference) = try model.runWithCache(corrupted, points: (0..<3).map { .attnZ($0) })
    let set = [AttentionHead(layer: 0, head: 1), AttentionHead(layer: 0, head: 3), AttentionHead(layer: 2, head: 0)]
    let bySet = try model.run(clean, hooks: try HeadSetHooks.meanAblating(set, reference: reference))
    let perHead = try model.run(clean, hooks: try set.map { h in
      (HookPoint.attnZ(h.layer), Ablation.mean(of: try reference[.attnZ(h.layer)]).hook(.head(h.head)))
    })
    let plain = try model(clean)
    #expect((bySet - perHead).abs().max().item() < 1e-5)
    #expect((bySet - plain).abs().max().item() > 1e-3, "the ablation must change the logits")
  }

  @Test("mean-ablating against a one-example reference of the same input changes nothing")
  func meanOfTheSameSingleExampleIsANoOp() throws {
    let model = try Self.gqaModel()
    let one = [clean[1]]
    let (logits, reference) = try model.runWithCache(one, points: (0..<3).map { .attnZ($0) })
    let everyHead = AttentionHead.all(layers: 3, heads: 4)
    let ablated = try model.run(one, hooks: try HeadSetHooks.meanAblating(everyHead, reference: reference))
    #expect((ablated - logits).abs().max().item() < 1e-5)
  }

  @Test("a head outside the layer, or a layer missing from the reference, is a clear error")
  func badHeadSetsAreRejected() throws {
    let model = try Self.gqaModel()
    let (_, reference) = try model.runWithCache(corrupted, points: [.attnZ(0)])
    #expect(throws: TransformerError.self) {
      try model.run(clean, hooks: try HeadSetHooks.meanAblating([AttentionHead(layer: 0, head: 4)], reference: reference))
    }
    #expect(throws: TransformerError.notCached(point: "blocks.1.attn.hook_z", cached: ["blocks.0.attn.hook_z"])) {
      try HeadSetHooks.meanAblating([AttentionHead(layer: 1, head: 0)], reference: reference)
    }
    #expect(throws: TransformerError.self) {
      try model.run([[1, 2, 3]], hooks: try HeadSetHooks.meanAblating([AttentionHead(layer: 0, head: 0)], reference: reference))
    }
  }

  @Test("the complement of a head set holds every other head once")
  func complementPartitionsTheHeads() {
    let kept = [AttentionHead(layer: 2, head: 1), AttentionHead(layer: 0, head: 0), AttentionHead(layer: 2, head: 1)]
    let rest = AttentionHead.complement(of: kept, layers: 3, heads: 4)
    #expect(rest.count == 10)
    #expect(Set(rest).isDisjoint(with: kept))
    #expect(rest == rest.sorted())
    #expect(AttentionHead(layer: 9, head: 6).description == "L9H6")
  }
}
