import CBLAS
import Dispatch

/// Splits large elementwise loops across threads.
///
/// The thread count follows OpenBLAS's (`OPENBLAS_NUM_THREADS`), so one setting governs the
/// whole core. Work is only split when each thread gets at least ``minimumElements``
/// elements, since smaller loops finish faster than a thread hand-off. Each element is
/// computed by exactly one thread with the same arithmetic, and reductions keep their
/// per-element order, so results do not depend on the thread count.
enum Parallel {
  /// Elements per thread below which a loop stays on the calling thread.
  static let minimumElements = 1 << 16

  /// Calls `body` on disjoint subranges covering `0..<count` items, possibly concurrently.
  ///
  /// - Parameter elementsPerItem: How many elements one item stands for (e.g. a row length).
  static func forEachChunk(_ count: Int, elementsPerItem: Int = 1, _ body: (Range<Int>) -> Void) {
    let threads = Swift.min(
      Int(openblas_get_num_threads()), count, count * Swift.max(elementsPerItem, 1) / minimumElements)
    if threads <= 1 {
      body(0..<count)
      return
    }
    DispatchQueue.concurrentPerform(iterations: threads) { i in
      body((i * count / threads)..<((i + 1) * count / threads))
    }
  }
}
