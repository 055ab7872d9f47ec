// Epochs per second of full-batch modular-addition training (Nanda et al. 2023 architecture at
// p = 59): one layer, d_model 128, 4 heads, ReLU MLP 512, no LayerNorm, 30% of pairs, AdamW.
// Usage: TransformerBench [epochs=200] [repeats=3]
import Foundation
import Interp

let arguments = CommandLine.arguments
let epochs = arguments.count > 1 ? Int(arguments[1]) ?? 200 : 200
let repeats = arguments.count > 2 ? Int(arguments[2]) ?? 3 : 3

func now() -> Double {
  var t = timespec()
  clock_gettime(CLOCK_MONOTONIC, &t)
  return Double(t.tv_sec) + Double(t.tv_nsec) * 1e-9
}

/// Best wall time of `repeats` runs of `epochs` epochs, and the final loss; `forward` gives the
/// last-position logits.
func measure(_ label: String, _ forward: (HookedTransformer, ModularAddition) throws -> Tensor) throws {
  var best = Double.infinity
  var finalLoss: Float = 0
  for r in 0..<repeats {
    var rng = Xoshiro256(seed: 0)
    let task = try ModularAddition(p: 59, trainFraction: 0.3, rng: &rng)
    let config = TransformerConfig(
      vocabularySize: task.vocabularySize, contextLength: 3, modelDimension: 128, headCount: 4, headDimension: 32,
      mlpDimension: 512, layerCount: 1, activation: .relu, layerNorm: false)
    let model = try HookedTransformer(config, rng: &rng)
    let optimizer = AdamW(parameters: model.parameters, learningRate: 1e-3, beta1: 0.9, beta2: 0.98, weightDecay: 1.0)
    let start = now()
    for _ in 0..<epochs {
      optimizer.zeroGrad()
      let loss = try forward(model, task).crossEntropy(targets: task.trainLabels)
      loss.backward()
      optimizer.step()
      finalLoss = loss.item()
    }
    let elapsed = now() - start
    best = min(best, elapsed)
    FileHandle.standardError.write("\(label) repeat \(r): \(elapsed) s, final loss \(finalLoss)\n".data(using: .utf8)!)
  }
  print(String(format: "%@ modadd p=59 train=%d  %d epochs  best %.3f s  %.1f epochs/s  %.2f ms/epoch  loss %.4f",
    label, Int((59.0 * 59.0 * 0.3).rounded()), epochs, best, Double(epochs) / best, best / Double(epochs) * 1000,
    finalLoss))
}

// Every position through the model, then the last position's logits (what TransformerLens does).
try measure("swift-full") { model, task in HookedTransformer.lastPosition(try model(task.trainInputs)) }
// Only what the last position's logits depend on (same logits and gradients).
try measure("swift-last") { model, task in try model.lastPositionLogits(task.trainInputs) }
