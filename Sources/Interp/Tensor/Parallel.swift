import CBLAS

/// Splits large loops and matrix products across threads.
///
/// The thread count is OpenBLAS's at first use (`OPENBLAS_NUM_THREADS`), so one setting
/// governs the whole core; OpenBLAS itself is then set to one thread and ``ParallelGemm``
/// splits products instead (``WorkerPool`` says why). Work is only split when each thread gets at
/// least ``minimumElements`` elements, since smaller loops finish faster than a thread
/// hand-off. Each element is computed by exactly one thread with the same arithmetic, and
/// reductions keep their per-element order, so results do not depend on the thread count.
enum Parallel {
  /// Elements per thread below which a loop stays on the calling thread.
  static let minimumElements = 1 << 14
  /// Parts per thread that a long loop is cut into.
  static let partsPerThread = 4

  /// Threads that loops and products may use: OpenBLAS's setting when Interp first ran.
  static let threadCount: Int = {
    let configured = Swift.max(Int(openblas_get_num_threads()), 1)
    openblas_set_num_threads(1)
    return configured
  }()

  /// Calls `body` on disjoint subranges covering `0..<count` items, possibly concurrently.
  ///
  /// - Parameters:
  ///   - elementsPerItem: How many elements one item stands for (e.g. a row length).
  ///   - partsPerThread: At most this many parts per thread (fewer keeps each part's memory
  ///     accesses longer and contiguous, e.g. for column blocks read row by row).
  static func forEachChunk(
    _ count: Int, elementsPerItem: Int = 1, partsPerThread: Int = Parallel.partsPerThread,
    _ body: (Range<Int>) -> Void
  ) {
    let affordable = count * Swift.max(elementsPerItem, 1) / minimumElements
    let threads = Swift.min(threadCount, count, affordable)
    if threads <= 1 {
      body(0..<count)
      return
    }
    // Several parts per thread when the loop is long enough, so that a thread that starts late
    // (or is preempted) leaves fewer elements to wait for: parts are claimed as threads free up.
    let parts = Swift.min(count, Swift.max(threads, Swift.min(threads * Swift.max(partsPerThread, 1), affordable)))
    run(parts) { i in body((i * count / parts)..<((i + 1) * count / parts)) }
  }

  /// Calls `body(0)`, …, `body(parts − 1)`, concurrently when `parts > 1`.
  static func run(_ parts: Int, _ body: (Int) -> Void) {
    WorkerPool.shared.run(parts, body)
  }
}
