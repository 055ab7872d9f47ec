import CBLAS

/// Single-precision matrix products split across ``Parallel`` threads, each part one
/// single-threaded `cblas_sgemm` call.
///
/// Interp keeps OpenBLAS single-threaded so that its ``WorkerPool`` is the only set of threads
/// (see there for why) and splits each product itself: the rows of the output (or its columns,
/// when they are more) into contiguous blocks, one per thread. More parts than threads were
/// measured slower (each part packs the shared operand again). Every output element is still
/// one BLAS dot product over the whole inner dimension, so splitting never changes a result.
enum ParallelGemm {
  /// Multiply-adds per thread below which a product is not split.
  static let minimumWorkPerThread = 1 << 19
  /// Block boundaries fall on multiples of this, so every part keeps whole kernel tiles.
  static let alignment = 16

  /// `C ← op(A)·op(B) + beta·C` for row-major `C` `[m, n]`, like `cblas_sgemm`.
  ///
  /// - Parameter threadLimit: At most this many parts (tests pass more than the machine has).
  static func sgemm(
    transA: Bool, transB: Bool, m: Int, n: Int, k: Int,
    a: UnsafePointer<Float>, lda: Int, b: UnsafePointer<Float>, ldb: Int,
    beta: Float, c: UnsafeMutablePointer<Float>, ldc: Int, threadLimit: Int = Parallel.threadCount
  ) {
    let splitRows = m >= n
    let extent = splitRows ? m : n
    let threads = Swift.min(threadLimit, extent / alignment, m * n * k / minimumWorkPerThread)
    guard threads > 1 else {
      call(transA, transB, m, n, k, a, lda, b, ldb, beta, c, ldc)
      return
    }
    let blocks = extent / alignment
    Parallel.run(threads) { part in
      let start = blocks * part / threads * alignment
      let end = part == threads - 1 ? extent : blocks * (part + 1) / threads * alignment
      if splitRows {
        call(
          transA, transB, end - start, n, k, transA ? a + start : a + start * lda, lda, b, ldb, beta,
          c + start * ldc, ldc)
      } else {
        call(
          transA, transB, m, end - start, k, a, lda, transB ? b + start * ldb : b + start, ldb, beta,
          c + start, ldc)
      }
    }
  }

  private static func call(
    _ transA: Bool, _ transB: Bool, _ m: Int, _ n: Int, _ k: Int,
    _ a: UnsafePointer<Float>, _ lda: Int, _ b: UnsafePointer<Float>, _ ldb: Int,
    _ beta: Float, _ c: UnsafeMutablePointer<Float>, _ ldc: Int
  ) {
    cblas_sgemm(
      CblasRowMajor, transA ? CblasTrans : CblasNoTrans, transB ? CblasTrans : CblasNoTrans,
      Int32(m), Int32(n), Int32(k), 1, a, Int32(lda), b, Int32(ldb), beta, c, Int32(ldc))
  }
}
