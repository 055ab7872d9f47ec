import Foundation
import Testing

@testable import Interp

/// Layout, views, copy-on-write, creation and error-free edge cases of `Tensor`.
@Suite struct TensorBehaviourTests {
  typealias S = CoreTestSupport

  @Test func creationFunctionsFillShapes() {
    #expect(Tensor.zeros([2, 3]).toArray() == [Float](repeating: 0, count: 6))
    #expect(Tensor.ones([2]).toArray() == [1, 1])
    #expect(Tensor.full([1, 2], 7).toArray() == [7, 7])
    #expect(Tensor.arange(5).toArray() == [0, 1, 2, 3, 4])
    #expect(Tensor.arange(1, 2, step: 0.25).toArray() == [1, 1.25, 1.5, 1.75])
    #expect(Tensor.eye(2).toArray() == [1, 0, 0, 1])
    #expect(Tensor([[1, 2], [3, 4]]).shape == [2, 2])
    #expect(Tensor(3).shape == [])
  }

  @Test func randomTensorsAreReproducibleAndCentered() {
    var r1 = Xoshiro256(seed: 5)
    var r2 = Xoshiro256(seed: 5)
    let a = Tensor.randn([1000], using: &r1)
    let b = Tensor.randn([1000], using: &r2)
    #expect(a.toArray() == b.toArray())
    #expect(Swift.abs(a.mean().item()) < 0.1)
    let variance = (a - a.mean()).square().mean().item()
    #expect(Swift.abs(variance - 1) < 0.1)
    let u = Tensor.uniform([1000], low: 2, high: 3, using: &r1)
    #expect(u.min().item() >= 2 && u.max().item() < 3)
  }

  @Test func transposeIsAViewAndContiguousCopies() {
    let a = Tensor(shape: [2, 3], scalars: [1, 2, 3, 4, 5, 6])
    let t = a.T
    #expect(t.shape == [3, 2])
    #expect(!t.isContiguous)
    #expect(t.storage === a.storage)
    #expect(t.toArray() == [1, 4, 2, 5, 3, 6])
    #expect(t.contiguous().isContiguous)
  }

  @Test func reshapeOfContiguousSharesStorage() {
    let a = Tensor.arange(6)
    let r = a.reshaped([2, -1])
    #expect(r.shape == [2, 3])
    #expect(r.storage === a.storage)
    #expect(a.T.reshaped([6]).toArray() == a.toArray())
    #expect(a.reshaped([3, 2]).T.reshaped([6]).toArray() == [0, 2, 4, 1, 3, 5])
  }

  @Test func subscriptReadsViewsAndWritesCopyOnWrite() {
    let a = Tensor(shape: [3, 3], scalars: (0..<9).map(Float.init))
    var b = a
    b[1, 1...2] = Tensor([10, 11])
    #expect(a.toArray() == (0..<9).map(Float.init))
    #expect(b.toArray() == [0, 1, 2, 3, 10, 11, 6, 7, 8])
    #expect(a[2].toArray() == [6, 7, 8])
    #expect(a[.all, 0].toArray() == [0, 3, 6])
    #expect(a[1..., ..<2].toArray() == [3, 4, 6, 7])
    #expect(a[-1, -1].item() == 8)
    #expect(a.scalar(at: [2, 0]) == 6)
    var c = a
    c[0] = Tensor(5)
    #expect(c[0].toArray() == [5, 5, 5])
    #expect(a[0].toArray() == [0, 1, 2])
  }

  @Test func viewOfSharedStorageIsNotWrittenThrough() {
    let a = Tensor.zeros([2, 2])
    var row = a[0]
    row[0] = Tensor(1)
    #expect(a.toArray() == [0, 0, 0, 0])
    #expect(row.toArray() == [1, 0])
  }

  @Test func expandBroadcastsWithoutCopying() {
    let a = Tensor([1, 2, 3]).reshaped([3, 1])
    let e = a.expanded(to: [2, 3, 4])
    #expect(e.strides[0] == 0 && e.strides[2] == 0)
    #expect(e.sum().item() == 2 * 4 * 6)
  }

  @Test func concatAndStackJoinAlongAxes() {
    let a = Tensor([[1, 2], [3, 4]])
    let b = Tensor([[5], [6]])
    #expect(Tensor.concat([a, b], axis: 1).toArray() == [1, 2, 5, 3, 4, 6])
    #expect(Tensor.concat([a, a], axis: 0).shape == [4, 2])
    #expect(Tensor.stack([a, a], axis: 2).shape == [2, 2, 2])
    #expect(Tensor.stack([a, a * 10], axis: 2).toArray() == [1, 10, 2, 20, 3, 30, 4, 40])
  }

  @Test func oneHotGatherAndMasks() {
    #expect(Tensor.oneHot([2, 0], depth: 3).toArray() == [0, 0, 1, 1, 0, 0])
    let x = Tensor([[1, 5, 3], [9, 2, 4]])
    #expect(x.gather(axis: 1, [1, 0]).toArray() == [5, 9])
    #expect(x.indexSelect(axis: 1, [2, 2]).toArray() == [3, 3, 4, 4])
    #expect(x.greater(3).toArray() == [0, 1, 0, 1, 0, 1])
    #expect(x.clamped(min: 2, max: 4).toArray() == [2, 4, 3, 4, 2, 4])
    #expect(x.argmaxIndices(axis: 1) == [1, 0])
    #expect(Tensor.select(x.less(3), x, Tensor(0)).toArray() == [1, 0, 0, 0, 2, 0])
  }

  @Test func reductionsOfEmptyAxesAreWellDefined() {
    let empty = Tensor.zeros([0, 3])
    #expect(empty.sum(axis: 0).toArray() == [0, 0, 0])
    #expect(empty.sum().item() == 0)
    #expect(Tensor.zeros([2, 0]).matmul(Tensor.zeros([0, 3])).toArray() == [Float](repeating: 0, count: 6))
  }

  @Test func topKMasksAndCompositeReductions() {
    let x = Tensor([[1, 5, 3, 5], [0, -1, 2, 9]])
    let (values, indices) = x.topK(2, axis: 1)
    #expect(values.toArray() == [5, 5, 9, 2])
    #expect(indices == [1, 3, 3, 2])
    #expect(Tensor.causalMask(3).toArray() == [0, 1, 1, 0, 0, 1, 0, 0, 0])
    let scores = Tensor.ones([3, 3]).maskedFill(Tensor.causalMask(3), -.infinity).softmax(axis: 1)
    #expect(S.allClose(scores.toArray(), [1, 0, 0, 0.5, 0.5, 0, 1.0 / 3, 1.0 / 3, 1.0 / 3]))
    let lse = Tensor([[1000, 1000], [-.infinity, 0]]).logSumExp(axis: 1)
    #expect(S.allClose(lse.toArray(), [1000 + Float(M_LN2), 0]))
    #expect(S.allClose(Tensor([1, 2, 3, 4]).variance().toArray(), [1.25]))
    #expect(S.allClose(Tensor([[3, 4]]).norm(axes: [1]).toArray(), [5]))
  }
}
