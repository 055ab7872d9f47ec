import Testing

@testable import Interp

/// Every differentiable operation against central finite differences.
@Suite struct GradientCheckTests {
  typealias S = CoreTestSupport

  private func expectGradients(
    _ inputs: [Tensor], eps: Float = 1e-2, rtol: Float = 2e-2, atol: Float = 2e-3,
    _ f: @escaping ([Tensor]) -> Tensor, sourceLocation: SourceLocation = #_sourceLocation
  ) {
    let (violation, detail) = S.gradientViolation(inputs, eps: eps, rtol: rtol, atol: atol, f)
    #expect(violation <= 0, "\(detail)", sourceLocation: sourceLocation)
  }

  /// Values bounded away from 0, so kinks (relu, abs) and poles (log, 1/x) are not crossed.
  private func awayFromZero(_ shape: [Int], seed: UInt64) -> Tensor {
    let magnitude = S.random(shape, seed: seed, low: 0.2, high: 1.5)
    let sign = S.random(shape, seed: seed + 1000).greater(0) * 2 - 1
    return magnitude * sign
  }

  @Test func addSubtractWithBroadcasting() {
    let a = S.random([2, 3], seed: 1)
    let b = S.random([3], seed: 2)
    let c = S.random([2, 1], seed: 3)
    expectGradients([a, b, c]) { t in t[0] + t[1] - t[2] }
    expectGradients([a, c]) { t in t[1] - t[0] }
  }

  @Test func multiplyDivideWithBroadcasting() {
    let a = S.random([2, 3], seed: 4)
    let b = awayFromZero([1, 3], seed: 5)
    expectGradients([a, b]) { t in t[0] * t[1] }
    expectGradients([a, b]) { t in t[0] / t[1] }
    expectGradients([a]) { t in t[0] * 3 - 2 / (t[0] * t[0] + 1) }
  }

  @Test func elementwiseFunctions() {
    let x = awayFromZero([2, 4], seed: 6)
    let positive = S.random([2, 4], seed: 7, low: 0.3, high: 2)
    expectGradients([positive]) { t in t[0].log() }
    expectGradients([positive]) { t in t[0].sqrt() }
    expectGradients([positive]) { t in t[0].pow(1.7) }
    expectGradients([x]) { t in t[0].exp() }
    expectGradients([x]) { t in t[0].relu() }
    expectGradients([x]) { t in t[0].abs() }
    expectGradients([x]) { t in t[0].tanh() }
    expectGradients([x]) { t in t[0].sigmoid() }
    expectGradients([x]) { t in t[0].gelu() }
    expectGradients([x]) { t in t[0].gelu(approximation: .tanh) }
    expectGradients([x]) { t in -t[0].square() }
  }

  @Test func clampMaximumMinimum() {
    let x = awayFromZero([3, 3], seed: 8)
    let y = S.random([3, 3], seed: 9) * 0.1
    expectGradients([x]) { t in t[0].clamped(min: -0.5, max: 0.6) }
    expectGradients([x, y]) { t in t[0].maximum(t[1]) }
    expectGradients([x, y]) { t in t[0].minimum(t[1]) }
  }

  @Test func reductions() {
    let x = S.random([2, 3, 4], seed: 10)
    expectGradients([x]) { t in t[0].sum() }
    expectGradients([x]) { t in t[0].sum(axis: 1) }
    expectGradients([x]) { t in t[0].sum(axes: [0, 2], keepDims: true) }
    expectGradients([x]) { t in t[0].mean(axis: -1) }
    expectGradients([x]) { t in t[0].mean() }
    expectGradients([x]) { t in t[0].max(axis: 1) }
    expectGradients([x]) { t in t[0].min(axes: [0, 2]) }
    expectGradients([x]) { t in t[0].max() }
  }

  @Test func matmulShapes() {
    let a = S.random([3, 4], seed: 11)
    let b = S.random([4, 2], seed: 12)
    let batchA = S.random([2, 3, 4], seed: 13)
    let batchB = S.random([2, 4, 2], seed: 14)
    let v = S.random([4], seed: 15)
    expectGradients([a, b]) { t in t[0].matmul(t[1]) }
    expectGradients([batchA, b]) { t in t[0].matmul(t[1]) }
    expectGradients([batchA, batchB]) { t in t[0].matmul(t[1]) }
    expectGradients([a, batchB]) { t in t[0].matmul(t[1]) }
    expectGradients([a, v]) { t in t[0].matmul(t[1]) }
    expectGradients([v, b]) { t in t[0].matmul(t[1]) }
    let bias = S.random([2], seed: 32)
    expectGradients([a, b, bias]) { t in t[0].matmul(t[1], adding: t[2]) }
    expectGradients([batchA, b.mT.contiguous().mT, bias]) { t in t[0].matmul(t[1], adding: t[2]) }
    // Transposed views go to BLAS as transposed operands.
    expectGradients([b, a]) { t in t[0].mT.matmul(t[1].T) }
  }

  @Test func viewsAndLayout() {
    let x = S.random([2, 3, 4], seed: 16)
    expectGradients([x]) { t in t[0].reshaped([6, 4]) }
    expectGradients([x]) { t in t[0].permuted([2, 0, 1]).contiguous() }
    expectGradients([x]) { t in t[0].transposed(0, 2) * 2 }
    expectGradients([x]) { t in t[0].unsqueezed(1).squeezed(1).flattened() }
    expectGradients([S.random([3, 1], seed: 17)]) { t in t[0].expanded(to: [2, 3, 4]) }
  }

  @Test func indexingAndSlicing() {
    let x = S.random([3, 4, 2], seed: 18)
    expectGradients([x]) { t in t[0][1] }
    expectGradients([x]) { t in t[0][0..<2, 1...2] }
    expectGradients([x]) { t in t[0][.all, 3] }
    expectGradients([x]) { t in t[0].slice(axis: 2, 1..<2) }
    expectGradients([x]) { t in t[0].select(axis: 1, 2) }
  }

  @Test func concatAndStack() {
    let a = S.random([2, 3], seed: 19)
    let b = S.random([2, 1], seed: 20)
    let c = S.random([2, 3], seed: 21)
    expectGradients([a, b, c]) { t in Tensor.concat([t[0], t[1], t[2]], axis: 1) }
    expectGradients([a, c]) { t in Tensor.stack([t[0], t[1]], axis: 1) }
  }

  @Test func softmaxAndLogSoftmax() {
    let x = S.random([3, 5], seed: 22, low: -2, high: 2)
    expectGradients([x]) { t in t[0].softmax(axis: -1) }
    expectGradients([x]) { t in t[0].softmax(axis: 0) }
    expectGradients([x]) { t in t[0].logSoftmax(axis: 1) }
    expectGradients([x]) { t in t[0].logSoftmax(axis: 0) }
  }

  @Test func layerNormWithAndWithoutAffine() {
    let x = S.random([3, 5], seed: 23, low: -2, high: 2)
    let w = S.random([5], seed: 24, low: 0.5, high: 1.5)
    let b = S.random([5], seed: 25)
    expectGradients([x, w, b]) { t in t[0].layerNorm(weight: t[1], bias: t[2]) }
    expectGradients([x]) { t in t[0].layerNorm() }
  }

  @Test func gatherIndexSelectAndLosses() {
    let x = S.random([3, 4], seed: 26)
    expectGradients([x]) { t in t[0].indexSelect(axis: 0, [2, 0, 2]) }
    expectGradients([x]) { t in t[0].indexSelect(axis: 1, [3, 1]) }
    expectGradients([x]) { t in t[0].gather(axis: 1, [0, 3, 1]) }
    expectGradients([x]) { t in t[0].gather(axis: 0, [2, 1, 0, 0]) }
    expectGradients([x]) { t in t[0].crossEntropy(targets: [1, 0, 3]) }
    expectGradients([x, S.random([3, 4], seed: 27)]) { t in t[0].mseLoss(t[1]) }
  }

  @Test func selectByMask() {
    let mask = S.random([2, 3], seed: 28).greater(0)
    let a = S.random([2, 3], seed: 29)
    let b = S.random([3], seed: 30)
    expectGradients([a, b]) { t in Tensor.select(mask, t[0], t[1]) }
  }

  @Test func checkerRejectsAWrongGradient() {
    // An identity whose backward doubles the gradient must be caught by the checker.
    let x = S.random([2, 2], seed: 31)
    let (violation, _) = S.gradientViolation([x]) { t in
      Tensor.record(t[0].detached().clone(), op: "wrong", inputs: [t[0]]) { g in [g * 2] }
    }
    #expect(violation > 0)
  }

  @Test func maskingTopKAndCompositeReductions() {
    let x = S.random([3, 4], seed: 33, low: -2, high: 2)
    expectGradients([x]) { t in t[0].maskedFill(Tensor.causalMask(4)[0..<3], -5) }
    expectGradients([x]) { t in t[0].topK(2, axis: 1).values }
    expectGradients([x]) { t in t[0].topK(1, axis: 0).values }
    expectGradients([x]) { t in t[0].logSumExp(axis: 1) }
    expectGradients([x]) { t in t[0].variance(axes: [0], correction: 1) }
    expectGradients([x]) { t in t[0].norm(axes: [1]) }
  }
}
