import CBLAS
import Testing

@testable import Interp

/// Products split into row or column blocks against one unsplit `cblas_sgemm` call.
@Suite struct ParallelGemmTests {
  /// Runs a split product and a single BLAS call on the same operands and returns both outputs.
  func bothWays(transA: Bool, transB: Bool, m: Int, n: Int, k: Int, beta: Float, parts: Int) -> ([Float], [Float]) {
    let a = CoreTestSupport.random([m * k], seed: 1).toArray()
    let b = CoreTestSupport.random([k * n], seed: 2).toArray()
    let start = CoreTestSupport.random([m * n], seed: 3).toArray()
    let (lda, ldb) = (transA ? m : k, transB ? k : n)
    var split = start
    var single = start
    ParallelGemm.sgemm(
      transA: transA, transB: transB, m: m, n: n, k: k, a: a, lda: lda, b: b, ldb: ldb, beta: beta, c: &split, ldc: n,
      threadLimit: parts)
    _ = Parallel.threadCount  // OpenBLAS set to one thread, as for every product Interp makes
    cblas_sgemm(
      CblasRowMajor, transA ? CblasTrans : CblasNoTrans, transB ? CblasTrans : CblasNoTrans, Int32(m), Int32(n),
      Int32(k), 1, a, Int32(lda), b, Int32(ldb), beta, &single, Int32(n))
    return (split, single)
  }

  @Test(arguments: [(false, false), (false, true), (true, false), (true, true)])
  func rowBlocksEqualOneProduct(transposes: (Bool, Bool)) {
    let (split, single) = bothWays(transA: transposes.0, transB: transposes.1, m: 1000, n: 96, k: 64, beta: 0, parts: 3)
    #expect(split == single)
  }

  @Test(arguments: [(false, false), (false, true), (true, false), (true, true)])
  func columnBlocksEqualOneProduct(transposes: (Bool, Bool)) {
    let (split, single) = bothWays(transA: transposes.0, transB: transposes.1, m: 40, n: 1000, k: 80, beta: 1, parts: 3)
    #expect(split == single)
  }

  @Test func smallProductsAreNotSplitAndStillCorrect() {
    let (split, single) = bothWays(transA: false, transB: false, m: 5, n: 7, k: 3, beta: 0, parts: 4)
    #expect(split == single)
  }

  @Test func matmulAndItsGradientsAgreeWithAReferenceLoopOnLargeOperands() {
    let x = CoreTestSupport.random([300, 70], seed: 4).requiringGrad()
    let w = CoreTestSupport.random([70, 200], seed: 5).requiringGrad()
    let y = x.matmul(w)
    let (xv, wv, yv) = (x.toArray(), w.toArray(), y.toArray())
    var worst: Float = 0
    for i in 0..<300 {
      for j in 0..<200 {
        var sum: Double = 0
        for p in 0..<70 { sum += Double(xv[i * 70 + p]) * Double(wv[p * 200 + j]) }
        worst = Swift.max(worst, Swift.abs(Float(sum) - yv[i * 200 + j]))
      }
    }
    #expect(worst < 1e-4)
    y.sum().backward()
    // d(Σ xW)/dx[i, p] = Σ_j W[p, j]; d/dW[p, j] = Σ_i x[i, p].
    let rowSums = (0..<70).map { p in (0..<200).reduce(Float(0)) { $0 + wv[p * 200 + $1] } }
    let columnSums = (0..<70).map { p in (0..<300).reduce(Float(0)) { $0 + xv[$1 * 70 + p] } }
    #expect(CoreTestSupport.allClose(x.grad!.toArray(), (0..<300).flatMap { _ in rowSums }, rtol: 1e-4, atol: 1e-4))
    #expect(CoreTestSupport.allClose(w.grad!.toArray(), columnSums.flatMap { s in Array(repeating: s, count: 200) }, rtol: 1e-4, atol: 1e-4))
  }
}
