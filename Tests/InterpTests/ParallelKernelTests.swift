import Testing

@testable import Interp

/// Large enough tensors that elementwise kernels split across threads (when OpenBLAS has
/// more than one), checked element by element against plain loops.
@Suite struct ParallelKernelTests {
  typealias S = CoreTestSupport

  @Test func largeElementwiseAndReductionResultsMatchPlainLoops() {
    let rows = 300
    let cols = 512
    let a = S.random([rows, cols], seed: 1)
    let b = S.random([rows, cols], seed: 2)
    let bias = S.random([cols], seed: 3)
    let av = a.toArray()
    let bv = b.toArray()
    let biasv = bias.toArray()

    #expect((a * b).toArray() == zip(av, bv).map { $0 * $1 })
    #expect(a.relu().toArray() == av.map { Swift.max($0, 0) })
    var rowBroadcast = [Float](repeating: 0, count: rows * cols)
    for i in 0..<(rows * cols) { rowBroadcast[i] = av[i] + biasv[i % cols] }
    #expect((a + bias).toArray() == rowBroadcast)

    var columnSums = [Float](repeating: 0, count: cols)
    for r in 0..<rows { for c in 0..<cols { columnSums[c] += av[r * cols + c] } }
    #expect(a.sum(axis: 0).toArray() == columnSums)
    let rowMax = (0..<rows).map { r in av[(r * cols)..<((r + 1) * cols)].max()! }
    #expect(a.max(axis: 1).toArray() == rowMax)

    // Gradient accumulation of two same-shaped contributions happens in place.
    let w = a.requiringGrad()
    (w * b + w * a).sum().backward()
    #expect(w.grad!.toArray() == zip(av, bv).map { $1 + $0 })
  }
}
