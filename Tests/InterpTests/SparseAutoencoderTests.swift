import Foundation
import Testing

@testable import Interp

@Suite struct SparseAutoencoderRecoveryTests {
  /// Trains on toy superposition data and returns (MMCS, metrics on a held-out batch, trainer).
  func train(_ sparsity: SparseAutoencoder.Sparsity, steps: Int, learningRate: Float) throws -> (Double, SAEMetrics, SAETrainer) {
    var rng = Xoshiro256(seed: 42)
    let data = try SparseFeatureData(featureCount: 24, dimension: 12, expectedActive: 2, decay: 0.99, rng: &rng)
    let sae = try SparseAutoencoder(inputDimension: 12, latentCount: 48, sparsity: sparsity, rng: &rng)
    let trainer = SAETrainer(sae, learningRate: learningRate, deadWindow: 100, resampleEvery: 150)
    for _ in 0..<steps { try trainer.train(on: data.sample(256, using: &rng).activations, rng: &rng) }
    let metrics = try SAEMetrics.evaluate(sae, on: data.sample(2048, using: &rng).activations)
    return (try SAEMetrics.meanMaxCosineSimilarity(sae, groundTruth: data.features), metrics, trainer)
  }

  @Test func reluL1SAERecoversTheTrueFeatures() throws {
    let (mmcs, metrics, _) = try train(.reluL1(l1: 0.3), steps: 800, learningRate: 1e-2)
    #expect(mmcs > 0.9, "MMCS \(mmcs); \(metrics)")
    #expect(metrics.explainedVariance > 0.75, "\(metrics)")
  }

  @Test func topKSAERecoversTheTrueFeaturesWithAtMostKActive() throws {
    let (mmcs, metrics, _) = try train(.topK(3), steps: 600, learningRate: 3e-3)
    #expect(mmcs > 0.9, "MMCS \(mmcs); \(metrics)")
    #expect(metrics.l0 <= 3)
  }
}

@Suite struct SparseAutoencoderMechanicsTests {
  @Test func decoderRowsStayUnitNormAfterTraining() throws {
    var rng = Xoshiro256(seed: 1)
    let sae = try SparseAutoencoder(inputDimension: 6, latentCount: 10, sparsity: .reluL1(l1: 0.1), rng: &rng)
    let trainer = SAETrainer(sae)
    let x = Tensor.randn([32, 6], using: &rng)
    for _ in 0..<5 { try trainer.train(on: x, rng: &rng) }
    for norm in sae.W_dec.norm(axes: [1]).toArray() { #expect(abs(norm - 1) < 1e-5) }
  }

  @Test func metricsMatchNumpyDefinitions() throws {
    var rng = Xoshiro256(seed: 2)
    let sae = try SparseAutoencoder(inputDimension: 5, latentCount: 7, sparsity: .reluL1(l1: 0.1), rng: &rng)
    var bias = sae.b_enc
    bias.assign(Tensor.uniform([7], low: -0.5, high: 0.2, using: &rng))
    let x = Tensor.randn([20, 5], using: &rng)
    let metrics = try SAEMetrics.evaluate(sae, on: x)
    let weights = sae.namedParameters().map { "\"\($0.name)\": \($0.tensor.toArray())" }.joined(separator: ", ")
    let script = """
      import json, sys, numpy as np
      w = json.loads(sys.stdin.readline()); x = np.array(json.loads(sys.stdin.readline())).reshape(20, 5)
      We = np.array(w["W_enc"]).reshape(5, 7); be = np.array(w["b_enc"]); Wd = np.array(w["W_dec"]).reshape(7, 5); bd = np.array(w["b_dec"])
      f = np.maximum((x - bd) @ We + be, 0); xh = f @ Wd + bd
      ev = 1 - ((x - xh) ** 2).sum(1).mean() / ((x ** 2).sum(1).mean() - (x.mean(0) ** 2).sum())
      print(((x - xh) ** 2).mean(), (f > 0).sum(1).mean(), ev, ((f > 0).sum(0) == 0).mean())
      """
    let out = try CoreTestSupport.python(script, input: "{\(weights)}\n\(x.toArray())\n")
    let expected = out.split(separator: " ").map { Double($0.trimmingCharacters(in: .whitespacesAndNewlines))! }
    #expect(abs(metrics.mse - expected[0]) < 1e-5)
    #expect(abs(metrics.l0 - expected[1]) < 1e-5)
    #expect(abs(metrics.explainedVariance - expected[2]) < 1e-4)
    #expect(abs(metrics.deadFraction - expected[3]) < 1e-9)
  }

  @Test func deadLatentsAreResampledTowardsPoorlyReconstructedInputs() throws {
    var rng = Xoshiro256(seed: 3)
    let sae = try SparseAutoencoder(inputDimension: 4, latentCount: 6, sparsity: .reluL1(l1: 0.01), rng: &rng)
    // Latents 0 and 1 can never fire: hugely negative encoder bias.
    var bias = sae.b_enc
    bias.assign(Tensor([-1e6, -1e6, 0, 0, 0, 0]))
    let trainer = SAETrainer(sae, learningRate: 1e-4, deadWindow: 3, resampleEvery: 4)
    let x = Tensor.randn([16, 4], using: &rng)
    for _ in 0..<3 { try trainer.train(on: x, rng: &rng) }
    #expect(trainer.deadLatents.contains(0) && trainer.deadLatents.contains(1))
    try trainer.train(on: x, rng: &rng)
    #expect(trainer.resampledCount >= 2)
    #expect(sae.b_enc.scalar(at: [0]) == 0 && sae.b_enc.scalar(at: [1]) == 0)
    #expect(abs(sae.W_dec[0].norm().item() - 1) < 1e-5)
  }

  @Test func badShapesAreReportedNotCrashed() throws {
    var rng = Xoshiro256(seed: 4)
    #expect(throws: DictionaryError.self) { try SparseAutoencoder(inputDimension: 4, latentCount: 6, sparsity: .topK(9), rng: &rng) }
    let sae = try SparseAutoencoder(inputDimension: 4, latentCount: 6, sparsity: .topK(2), rng: &rng)
    #expect(throws: DictionaryError.self) { try SAEMetrics.evaluate(sae, on: Tensor.zeros([3, 5])) }
    #expect(throws: DictionaryError.self) { try SAETrainer(sae).train(on: Tensor.zeros([3]), rng: &rng) }
  }
}

@Suite struct SyntheticDataTests {
  @Test func sparseFeatureDataHasTheRequestedActivity() throws {
    var rng = Xoshiro256(seed: 7)
    let data = try SparseFeatureData(featureCount: 50, dimension: 10, expectedActive: 4, rng: &rng)
    let (x, c) = data.sample(4000, using: &rng)
    let activePerRow = c.greater(0).sum(axis: 1).mean().item()
    #expect(abs(activePerRow - 4) < 0.15)
    #expect(CoreTestSupport.allClose(x, c.matmul(data.features), rtol: 1e-5, atol: 1e-5))
    for norm in data.features.norm(axes: [1]).toArray() { #expect(abs(norm - 1) < 1e-5) }
    let inputs = SparseFeatureData.superpositionInputs(batch: 2000, featureCount: 20, sparsity: 0.9, using: &rng)
    #expect(abs(inputs.greater(0).mean().item() - 0.1) < 0.01)
  }

  @Test func modularAdditionSplitsAllPairsDisjointly() throws {
    var rng = Xoshiro256(seed: 8)
    let task = try ModularAddition(p: 11, trainFraction: 0.3, rng: &rng)
    #expect(task.trainInputs.count == 36 && task.testInputs.count == 121 - 36)
    let all = Set((task.trainInputs + task.testInputs).map { $0[0] * 11 + $0[1] })
    #expect(all.count == 121)
    for (input, label) in zip(task.trainInputs + task.testInputs, task.trainLabels + task.testLabels) {
      #expect(input[2] == 11 && label == (input[0] + input[1]) % 11)
    }
    #expect(throws: DataError.self) { try ModularAddition(p: 11, trainFraction: 1.5, rng: &rng) }
  }

  @Test func inductionSequencesRepeatTheirPrefix() throws {
    var rng = Xoshiro256(seed: 9)
    for (tokens, period) in try InductionSequences.variable(count: 20, periods: 3...8, vocabularySize: 30, using: &rng) {
      #expect(tokens.count == 16 && (3...8).contains(period))
      #expect(Array(tokens[0..<period]) == Array(tokens[period..<(2 * period)]))
    }
  }

  @Test func spuriousFeatureAgreesWithTheLabelOnlyInTraining() throws {
    var rng = Xoshiro256(seed: 10)
    let task = try SpuriousFeatureTask(dimension: 8, correlation: 0.95, rng: &rng)
    #expect(abs((task.intended * task.spurious).sum().item()) < 1e-5)
    let train = task.sample(4000, split: .train, using: &rng)
    let test = task.sample(4000, split: .test, using: &rng)
    func agreement(_ s: (inputs: Tensor, labels: [Bool], spuriousSigns: [Bool])) -> Double {
      Double(zip(s.labels, s.spuriousSigns).filter { $0 == $1 }.count) / Double(s.labels.count)
    }
    #expect(abs(agreement(train) - 0.95) < 0.02)
    #expect(abs(agreement(test) - 0.5) < 0.03)
  }
}
