import Foundation
import Testing

@testable import Interp

/// A container used to check nested parameter names.
private final class Classifier: Module {
  let mlp: MLP
  let norm: LayerNorm
  init(rng: inout Xoshiro256) {
    mlp = MLP([2, 16, 2], rng: &rng)
    norm = LayerNorm(2)
  }
  var children: [(name: String, module: any Module)] { [("mlp", mlp), ("norm", norm)] }
  func callAsFunction(_ x: Tensor) -> Tensor { norm(mlp(x)) }
}

/// Two interleaved half circles ("two moons") with Gaussian noise, drawn from `rng`.
private func twoMoons(_ n: Int, noise: Float, rng: inout Xoshiro256) -> (x: Tensor, labels: [Int]) {
  var values: [Float] = []
  var labels: [Int] = []
  for i in 0..<n {
    let label = i % 2
    let t = Float.pi * rng.nextFloat()
    let (px, py): (Float, Float) = label == 0 ? (cosf(t), sinf(t)) : (1 - cosf(t), 0.5 - sinf(t))
    values += [px + noise * Float(rng.nextNormal()), py + noise * Float(rng.nextNormal())]
    labels.append(label)
  }
  return (Tensor(shape: [n, 2], scalars: values), labels)
}

@Suite struct ModuleTests {
  typealias S = CoreTestSupport

  @Test func parametersHaveDottedNamesInOrder() {
    var rng = Xoshiro256(seed: 0)
    let model = Classifier(rng: &rng)
    #expect(model.namedParameters().map(\.name) == [
      "mlp.fc1.weight", "mlp.fc1.bias", "mlp.fc2.weight", "mlp.fc2.bias", "norm.weight", "norm.bias",
    ])
    #expect(model.parameterCount == 2 * 16 + 16 + 16 * 2 + 2 + 2 + 2)
  }

  @Test func linearComputesAffineMap() {
    let layer = Linear(weight: Tensor([[1, 2], [3, 4], [5, 6]]), bias: Tensor([1, 0, -1]))
    #expect(layer(Tensor([[1, 1]])).toArray() == [4, 7, 10])
    #expect(layer(Tensor.ones([2, 4, 2])).shape == [2, 4, 3])
  }

  @Test func embeddingLooksUpRows() {
    var rng = Xoshiro256(seed: 1)
    let embedding = Embedding(5, 3, rng: &rng)
    let out = embedding([4, 0, 4, 1], shape: [2, 2])
    #expect(out.shape == [2, 2, 3])
    #expect(out[0, 0].toArray() == embedding.weight[4].toArray())
    #expect(out[1, 0].toArray() == embedding.weight[4].toArray())
  }

  @Test func stateDictRoundTripsAndLoadRejectsBadWeights() throws {
    var rng = Xoshiro256(seed: 2)
    let a = Classifier(rng: &rng)
    let b = Classifier(rng: &rng)
    try b.loadStateDict(a.stateDict())
    let x = S.random([4, 2], seed: 3)
    #expect(a(x).toArray() == b(x).toArray())

    var state = a.stateDict()
    state["mlp.fc1.bias"] = Tensor.zeros([3])
    #expect(throws: ModuleError.shapeMismatch(name: "mlp.fc1.bias", expected: [16], found: [3])) {
      try b.loadStateDict(state)
    }
    state["mlp.fc1.bias"] = nil
    #expect(throws: ModuleError.missingParameter(name: "mlp.fc1.bias")) { try b.loadStateDict(state) }
    var extra = a.stateDict()
    extra["head.weight"] = Tensor.zeros([1])
    #expect(throws: ModuleError.unexpectedParameter(name: "head.weight")) { try b.loadStateDict(extra) }
  }

  /// Trains a 2-layer MLP on two moons; returns the loss curve and the final accuracy.
  private func trainTwoMoons(seed: UInt64) -> (losses: [Float], accuracy: Float) {
    var rng = Xoshiro256(seed: seed)
    let (x, labels) = twoMoons(256, noise: 0.1, rng: &rng)
    let model = MLP([2, 32, 2], activation: .relu, rng: &rng)
    let optimizer = Adam(parameters: model.parameters, learningRate: 0.02)
    var losses: [Float] = []
    for _ in 0..<300 {
      optimizer.zeroGrad()
      let loss = model(x).crossEntropy(targets: labels)
      loss.backward()
      optimizer.step()
      losses.append(loss.item())
    }
    let predictions = withNoGrad { model(x) }.argmaxIndices(axis: 1)
    let correct = zip(predictions, labels).filter { $0 == $1 }.count
    return (losses, Float(correct) / Float(labels.count))
  }

  @Test func mlpLearnsTwoMoonsAndTrainingIsBitReproducible() {
    let first = trainTwoMoons(seed: 7)
    #expect(first.accuracy > 0.95, "accuracy \(first.accuracy)")
    #expect(first.losses.last! < 0.2 * first.losses.first!)
    let second = trainTwoMoons(seed: 7)
    #expect(first.losses == second.losses)
    let other = trainTwoMoons(seed: 8)
    #expect(other.losses != first.losses)
  }

  @Test func heldOutAccuracyOnTwoMoonsIsHigh() {
    var rng = Xoshiro256(seed: 21)
    let (x, labels) = twoMoons(256, noise: 0.1, rng: &rng)
    let (testX, testLabels) = twoMoons(200, noise: 0.1, rng: &rng)
    let model = MLP([2, 32, 2], activation: .tanh, rng: &rng)
    let optimizer = AdamW(parameters: model.parameters, learningRate: 0.02, weightDecay: 1e-4)
    for _ in 0..<300 {
      optimizer.zeroGrad()
      model(x).crossEntropy(targets: labels).backward()
      clipGradientNorm(model.parameters, maxNorm: 5)
      optimizer.step()
    }
    let predictions = withNoGrad { model(testX) }.argmaxIndices(axis: 1)
    let accuracy = Float(zip(predictions, testLabels).filter { $0 == $1 }.count) / Float(testLabels.count)
    #expect(accuracy > 0.95, "held-out accuracy \(accuracy)")
  }
}
