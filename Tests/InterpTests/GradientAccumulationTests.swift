import Testing

@testable import Interp

/// Backward rules that add their gradients into buffers gathered from other uses of an input.
@Suite struct GradientAccumulationTests {
  /// Gradients of `lossA + lossB` against the sum of each loss's gradients taken separately
  /// (where every input is used once, so nothing is accumulated in place).
  func compareWithSeparateLosses(
    shape: [Int], seed: UInt64, _ build: (Tensor) -> (Tensor, Tensor)
  ) -> (combined: [Float], separate: [Float]) {
    let x = CoreTestSupport.random(shape, seed: seed).requiringGrad()
    let (a, b) = build(x)
    (a + b).backward()
    let combined = x.grad!.toArray()
    x.zeroGrad()
    build(x).0.backward()
    let first = x.grad!.toArray()
    x.zeroGrad()
    build(x).1.backward()
    let second = x.grad!.toArray()
    return (combined, zip(first, second).map { $0 + $1 })
  }

  @Test func aSharedActivationFeedingAProductAndAnL1TermGetsBothGradients() {
    let w = CoreTestSupport.random([24, 16], seed: 11)
    let (combined, separate) = compareWithSeparateLosses(shape: [40, 24], seed: 10) { x in
      let f = x.relu()
      return ((f.matmul(w) - 0.5).square().sum(axis: 1).mean(), 0.3 * f.abs().sum(axis: 1).mean())
    }
    #expect(CoreTestSupport.allClose(combined, separate, rtol: 1e-5, atol: 1e-6))
  }

  @Test func largeOperandsTakeTheThreadedFusedPathsAndAgree() {
    // Big enough that the elementwise passes and products are split across threads.
    let w = CoreTestSupport.random([64, 512], seed: 13) * 0.1
    let wd = CoreTestSupport.random([512, 64], seed: 14) * 0.1
    let (combined, separate) = compareWithSeparateLosses(shape: [1024, 64], seed: 12) { x in
      let f = x.matmul(w).relu()
      return (f.matmul(wd).square().mean(), f.abs().sum(axis: 1).mean() + f.tanh().sum() * 1e-3)
    }
    #expect(CoreTestSupport.allClose(combined, separate, rtol: 1e-4, atol: 1e-6))
  }

  @Test func aGradientSharedWithAnotherInputIsNotOverwritten() {
    // `h + k` hands the same gradient buffer to `h` and to `k`; the product's rule for `h` must
    // not add into it in place, or `k` would receive `h`'s gradient too.
    let x = CoreTestSupport.random([8, 5], seed: 20).requiringGrad()
    let k = CoreTestSupport.random([8, 5], seed: 21).requiringGrad()
    let w = CoreTestSupport.random([5, 3], seed: 22)
    let h = x * 1
    (h.matmul(w).sum() + (h + k).sum()).backward()
    #expect(k.grad!.toArray() == [Float](repeating: 1, count: 40))
    let rowOfW = (0..<5).map { p in (0..<3).reduce(Float(0)) { $0 + w.toArray()[p * 3 + $1] } }
    let expected = (0..<8).flatMap { _ in rowOfW.map { $0 + 1 } }
    #expect(CoreTestSupport.allClose(x.grad!.toArray(), expected, rtol: 1e-6, atol: 1e-6))
  }

  @Test func aRetainedGradientIsNotMaskedByTheReluRuleBelowIt() {
    let x = Tensor([-1, 2, -3, 4]).requiringGrad()
    let y = x * 1
    let z = y.relu()
    let scaled = z * 1
    scaled.retainGrad()
    (scaled * Tensor([1, 2, 3, 4])).sum().backward()
    #expect(scaled.grad!.toArray() == [1, 2, 3, 4])
    #expect(x.grad!.toArray() == [0, 2, 0, 4])
  }

  @Test func theReluRuleMatchesFiniteDifferencesWhenItsInputIsUsedTwice() {
    // Inputs kept 0.1 away from ReLU's kink, farther than the finite-difference step.
    let raw = CoreTestSupport.random([6, 7], seed: 30).toArray()
    let x = Tensor(shape: [6, 7], scalars: raw.map { $0 < 0 ? $0 - 0.1 : $0 + 0.1 })
    let w = CoreTestSupport.random([7, 4], seed: 31)
    let (violation, detail) = CoreTestSupport.gradientViolation([x]) { inputs in
      let f = inputs[0].relu()
      return f.matmul(w).square().sum(axis: 1) + f.abs().sum(axis: 1) * 0.5 + f.sigmoid().sum(axis: 1)
    }
    #expect(violation <= 0, "\(detail)")
  }
}
