import Foundation
import Testing

@testable import Interp

@Suite struct AblationTests {
  let tokens = TransformerFixtures.tokens

  @Test func zeroAblatingOneHeadZeroesOnlyThatHead() throws {
    let model = try TransformerFixtures.model()
    let (_, clean) = try model.runWithCache(tokens, points: [.attnZ(0)])
    let (_, ablated) = try model.runWithCache(tokens, points: [.attnZ(0)], hooks: [(.attnZ(0), Ablation.zero.hook(.head(1)))])
    let before = try clean[.attnZ(0)]
    let after = try ablated[.attnZ(0)]
    for b in 0..<2 {
      for p in 0..<5 {
        for e in 0..<3 {
          #expect(after.scalar(at: [b, p, 1, e]) == 0)
          #expect(after.scalar(at: [b, p, 0, e]) == before.scalar(at: [b, p, 0, e]))
        }
      }
    }
  }

  @Test func meanAblationReplacesEveryRowByTheBatchMean() throws {
    let model = try TransformerFixtures.model()
    let (_, clean) = try model.runWithCache(tokens, points: [.mlpPost(0)])
    let activations = try clean[.mlpPost(0)]
    let (_, ablated) = try model.runWithCache(
      tokens, points: [.mlpPost(0)], hooks: [(.mlpPost(0), Ablation.mean(of: activations).hook())])
    let after = try ablated[.mlpPost(0)]
    for p in 0..<5 {
      for j in 0..<12 {
        let mean = (activations.scalar(at: [0, p, j]) + activations.scalar(at: [1, p, j])) / 2
        #expect(abs(after.scalar(at: [0, p, j]) - mean) < 1e-6 && abs(after.scalar(at: [1, p, j]) - mean) < 1e-6)
      }
    }
  }

  @Test func resampleAblationGivesEachExampleAnotherExamplesActivation() throws {
    var rng = Xoshiro256(seed: 5)
    let rows = Tensor(shape: [6, 2], scalars: (0..<12).map(Float.init))
    guard case .resample(let values) = Ablation.resample(from: rows, using: &rng) else {
      Issue.record("expected a resample ablation")
      return
    }
    let sources = (0..<6).map { Int(values.scalar(at: [$0, 0])) / 2 }
    #expect(Set(sources) == Set(0..<6))
    #expect(zip(sources, 0..<6).allSatisfy { $0 != $1 })
  }

  @Test func meanAblationWithAWronglyShapedMeanFailsClearly() throws {
    let model = try TransformerFixtures.model()
    #expect(throws: TransformerError.self) {
      try model.run(tokens, hooks: [(.mlpPost(0), Ablation.mean(Tensor.zeros([3])).hook())])
    }
    #expect(throws: TransformerError.self) {
      try model.run(tokens, hooks: [(.residPre(0), Ablation.zero.hook(.head(0)))])
    }
  }
}

@Suite struct ActivationPatchingTests {
  let clean = [[1, 2, 3, 4, 5], [6, 5, 4, 3, 2]]
  let corrupted = [[1, 2, 0, 4, 5], [6, 5, 1, 3, 2]]
  let metric = ActivationPatching.logitDifference(correct: [3, 1], incorrect: [0, 4])

  @Test func patchingTheWholeInputRestoresTheCleanMetric() throws {
    let model = try TransformerFixtures.model()
    let grid = try ActivationPatching.byLayer(model, clean: clean, corrupted: corrupted, metric: metric)
    #expect(abs(grid.raw[0][0] - grid.clean) < 1e-5)
    #expect(abs(grid.values[0][0] - 1) < 1e-4)
    #expect(abs(grid.clean - grid.corrupted) > 1e-3, "the corruption must change the metric for the test to mean anything")
  }

  @Test func positionsWhereTheInputsAgreeHaveNoEffectAtTheFirstLayer() throws {
    let model = try TransformerFixtures.model()
    let grid = try ActivationPatching.byPosition(model, clean: clean, corrupted: corrupted, metric: metric)
    #expect(grid.values.count == 2 && grid.values[0].count == 5)
    for p in [0, 1, 3, 4] { #expect(abs(grid.raw[0][p] - grid.corrupted) < 1e-5) }
    #expect(abs(grid.raw[0][2] - grid.corrupted) > 1e-4)
    // At the last layer, patching the final position's residual stream restores the clean logits there.
    let last = try ActivationPatching.byPosition(model, clean: clean, corrupted: corrupted, site: .residPost, metric: metric)
    #expect(abs(last.values[1][4] - 1) < 1e-4)
  }

  @Test func headEffectsAddUpInALinearAttentionOnlyModel() throws {
    // One attention-only layer without LayerNorm: logits are linear in the head outputs, so the
    // per-head effects of patching hook_z must sum to the effect of patching all heads.
    let model = try TransformerFixtures.model(layers: 1, layerNorm: false, attentionOnly: true)
    let heads = try ActivationPatching.byHead(model, clean: clean, corrupted: corrupted, metric: metric)
    let whole = try ActivationPatching.byLayer(model, clean: clean, corrupted: corrupted, site: .attnZ, metric: metric)
    let summed = heads.raw[0].reduce(0) { $0 + ($1 - heads.corrupted) }
    #expect(abs(summed - (whole.raw[0][0] - whole.corrupted)) < 1e-4)
  }

  @Test func mismatchedBatchesAreRejected() throws {
    let model = try TransformerFixtures.model()
    #expect(throws: TransformerError.self) {
      try ActivationPatching.byPosition(model, clean: clean, corrupted: [[1, 2, 3]], metric: metric)
    }
  }
}
