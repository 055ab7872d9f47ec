import Foundation

/// Adam (Kingma & Ba 2015) with optional coupled L2 weight decay, as `torch.optim.Adam`.
///
/// `g ← g + λp`; `m ← β₁m + (1−β₁)g`; `v ← β₂v + (1−β₂)g²`;
/// `p ← p − lr·m̂/(√v̂ + ε)` with bias corrections `m̂ = m/(1−β₁ᵗ)`, `v̂ = v/(1−β₂ᵗ)`.
/// The moment update and the parameter update are one fused loop per parameter.
public final class Adam: Optimizer {
  public let parameters: [Tensor]
  public var learningRate: Float {
    get { state.learningRate }
    set { state.learningRate = newValue }
  }
  var state: AdamState

  public init(
    parameters: [Tensor], learningRate: Float = 1e-3, beta1: Float = 0.9, beta2: Float = 0.999,
    epsilon: Float = 1e-8, weightDecay: Float = 0
  ) {
    self.parameters = parameters
    state = AdamState(
      count: parameters.count, learningRate: learningRate, beta1: beta1, beta2: beta2, epsilon: epsilon,
      weightDecay: weightDecay, decoupled: false)
  }

  public func step() { state.step(parameters) }
}

/// AdamW (Loshchilov & Hutter 2019): Adam with decoupled weight decay, as `torch.optim.AdamW`.
///
/// Before the Adam update each parameter shrinks by `p ← p·(1 − lr·λ)`; the decay does not go
/// through the moment estimates.
public final class AdamW: Optimizer {
  public let parameters: [Tensor]
  public var learningRate: Float {
    get { state.learningRate }
    set { state.learningRate = newValue }
  }
  var state: AdamState

  public init(
    parameters: [Tensor], learningRate: Float = 1e-3, beta1: Float = 0.9, beta2: Float = 0.999,
    epsilon: Float = 1e-8, weightDecay: Float = 0.01
  ) {
    self.parameters = parameters
    state = AdamState(
      count: parameters.count, learningRate: learningRate, beta1: beta1, beta2: beta2, epsilon: epsilon,
      weightDecay: weightDecay, decoupled: true)
  }

  public func step() { state.step(parameters) }
}

/// Moments and hyperparameters shared by ``Adam`` and ``AdamW``.
struct AdamState {
  var learningRate: Float
  let beta1: Float
  let beta2: Float
  let epsilon: Float
  let weightDecay: Float
  let decoupled: Bool
  private var steps: [Int]
  private var firstMoments: [TensorStorage?]
  private var secondMoments: [TensorStorage?]

  init(
    count: Int, learningRate: Float, beta1: Float, beta2: Float, epsilon: Float, weightDecay: Float,
    decoupled: Bool
  ) {
    self.learningRate = learningRate
    self.beta1 = beta1
    self.beta2 = beta2
    self.epsilon = epsilon
    self.weightDecay = weightDecay
    self.decoupled = decoupled
    steps = Array(repeating: 0, count: count)
    firstMoments = Array(repeating: nil, count: count)
    secondMoments = Array(repeating: nil, count: count)
  }

  mutating func step(_ parameters: [Tensor]) {
    for (index, parameter) in parameters.enumerated() {
      guard let gradTensor = parameter.grad?.contiguous() else { continue }
      let n = parameter.count
      if firstMoments[index] == nil {
        firstMoments[index] = TensorStorage(repeating: 0, count: n)
        secondMoments[index] = TensorStorage(repeating: 0, count: n)
      }
      steps[index] += 1
      let t = Double(steps[index])
      let m = firstMoments[index]!.pointer
      let v = secondMoments[index]!.pointer
      let g = UnsafePointer(gradTensor.basePointer)
      // Bias corrections folded into the step size and the denominator, as PyTorch does.
      let correction1 = 1 - Foundation.pow(Double(beta1), t)
      let kernel = AdamKernel(
        beta1: beta1, beta2: beta2, epsilon: epsilon, l2: decoupled ? 0 : weightDecay,
        shrink: decoupled ? 1 - learningRate * weightDecay : 1, stepSize: Float(Double(learningRate) / correction1),
        correction2Root: Float((1 - Foundation.pow(Double(beta2), t)).squareRoot()))
      parameter.withParameterPointer { p in
        Parallel.forEachChunk(n) { range in
          let start = range.lowerBound
          kernel.apply(p: p + start, m: m + start, v: v + start, g: g + start, count: range.count)
        }
      }
    }
  }
}
