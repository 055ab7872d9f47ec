import Foundation
import Testing

@testable import Interp

/// Behaviour of the autograd engine beyond single-op gradients.
@Suite struct AutogradTests {
  typealias S = CoreTestSupport

  @Test func gradientsAccumulateAcrossBackwardCallsUntilZeroed() {
    let w = Tensor([1, 2, 3]).requiringGrad()
    (w * 2).sum().backward()
    (w * 2).sum().backward()
    #expect(w.grad?.toArray() == [4, 4, 4])
    w.zeroGrad()
    #expect(w.grad == nil)
  }

  @Test func reusedTensorSumsGradientsFromAllUses() {
    let x = Tensor([2, -1]).requiringGrad()
    let y = x * x + x.exp() * x  // d/dx = 2x + e^x (1 + x)
    y.sum().backward()
    let expected = [Float(4 + Foundation.exp(2.0) * 3), Float(-2 + 0)]
    #expect(S.allClose(x.grad!.toArray(), expected, rtol: 1e-5, atol: 1e-5))
  }

  @Test func noGradScopeRecordsNothing() {
    let w = Tensor([1, 2]).requiringGrad()
    let y = withNoGrad { (w * 3).sum() }
    #expect(!y.requiresGrad)
    #expect(GradMode.isEnabled)
  }

  @Test func retainGradKeepsInteriorGradient() {
    let w = Tensor([1, 2, 3]).requiringGrad()
    let h = w * 2
    h.retainGrad()
    (h * h).sum().backward()
    #expect(h.grad?.toArray() == [4, 8, 12])
    #expect(w.grad?.toArray() == [8, 16, 24])
  }

  @Test func detachedStopsGradients() {
    let w = Tensor([1, 2]).requiringGrad()
    let y = (w * w.detached()).sum()
    y.backward()
    #expect(w.grad?.toArray() == [1, 2])
  }

  @Test func backwardWithExplicitGradientForVectors() {
    let w = Tensor([1, 2]).requiringGrad()
    (w * 3).backward(Tensor([1, 10]))
    #expect(w.grad?.toArray() == [3, 30])
  }

  @Test func parameterUpdatesReachAllCopiesButClonesStayFixed() {
    var w = Tensor([1, 2]).requiringGrad()
    let copy = w
    let snapshot = w.clone()
    w.assign(Tensor([5, 6]))
    #expect(copy.toArray() == [5, 6])
    #expect(snapshot.toArray() == [1, 2])
  }

  @Test func makingAParameterDoesNotAliasItsSource() {
    let base = Tensor([1, 2])
    var w = base
    w.requiresGrad = true
    w.assign(Tensor([9, 9]))
    #expect(base.toArray() == [1, 2])
  }

  @Test func deepChainsDoNotOverflowTheStack() {
    var x = Tensor([1]).requiringGrad()
    let leaf = x
    for _ in 0..<5000 { x = x + 0.001 }
    x.sum().backward()
    #expect(leaf.grad?.toArray() == [1])
  }

  @Test func heldGradientIsNotChangedByALaterBackward() {
    let w = Tensor([1, 2]).requiringGrad()
    (w * 3).sum().backward()
    let first = w.grad!
    (w * 3).sum().backward()
    #expect(first.toArray() == [3, 3])
    #expect(w.grad?.toArray() == [6, 6])
  }

  @Test func callerSeedIsNotMutatedByAccumulation() {
    let w = Tensor([1, 2]).requiringGrad()
    let seed = Tensor([1, 1])
    (w + w).backward(seed)
    #expect(seed.toArray() == [1, 1])
    #expect(w.grad?.toArray() == [2, 2])
    let h = w * 1
    (h + h).backward(seed)
    #expect(seed.toArray() == [1, 1])
    #expect(w.grad?.toArray() == [4, 4])
  }
}
