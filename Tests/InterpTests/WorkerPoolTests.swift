import Foundation
import Synchronization
import Testing

@testable import Interp

/// The spinning pool that runs Interp's parallel loops and split products.
@Suite struct WorkerPoolTests {
  /// Counts how often each part ran.
  final class PartCounter: @unchecked Sendable {
    let counts: UnsafeMutableBufferPointer<Int>
    init(_ parts: Int) {
      counts = .allocate(capacity: parts)
      counts.initialize(repeating: 0)
    }
    deinit { counts.deallocate() }
  }

  @Test func everyPartRunsExactlyOnceOverManyConsecutiveJobs() {
    let pool = WorkerPool(threads: 3)
    defer { pool.shutDown() }
    for job in 0..<5_000 {
      let parts = 2 + job % 7
      let counter = PartCounter(parts)
      // Parts of uneven length, so that claims interleave differently from job to job.
      pool.run(parts) { part in
        counter.counts[part] += 1
        if part % 3 == job % 3 {
          var x = 0
          for i in 0..<(200 * (job % 5)) { x &+= i }
          if x == -1 { print(x) }
        }
      }
      #expect(counter.counts.allSatisfy { $0 == 1 }, "job \(job): \(Array(counter.counts))")
      if counter.counts.contains(where: { $0 != 1 }) { return }
    }
  }

  @Test func jobsAfterTheWorkersFellAsleepStillComplete() async throws {
    let pool = WorkerPool(threads: 2)
    defer { pool.shutDown() }
    for _ in 0..<3 {
      try await Task.sleep(for: WorkerPool.spinDuration * 4)
      let counter = PartCounter(4)
      pool.run(4) { counter.counts[$0] += 1 }
      #expect(counter.counts.allSatisfy { $0 == 1 })
    }
  }

  @Test func concurrentCallersEachGetTheirWholeLoopRun() async {
    let pool = WorkerPool(threads: 2)
    defer { pool.shutDown() }
    let total = Atomic<Int>(0)
    await withTaskGroup(of: Void.self) { group in
      for _ in 0..<8 {
        group.addTask {
          for _ in 0..<500 {
            pool.run(3) { part in total.add(part + 1, ordering: .relaxed) }
          }
        }
      }
    }
    #expect(total.load(ordering: .relaxed) == 8 * 500 * 6)
  }

  @Test func aNestedLoopRunsOnTheCallingThread() {
    let pool = WorkerPool(threads: 2)
    defer { pool.shutDown() }
    let inner = Atomic<Int>(0)
    pool.run(2) { _ in
      pool.run(3) { part in inner.add(part, ordering: .relaxed) }
    }
    #expect(inner.load(ordering: .relaxed) == 2 * (0 + 1 + 2))
  }

  @Test func aSingleThreadPoolRunsPartsInOrder() {
    let pool = WorkerPool(threads: 1)
    defer { pool.shutDown() }
    var order: [Int] = []
    pool.run(4) { order.append($0) }
    #expect(order == [0, 1, 2, 3])
  }

  @Test func theClaimWordKeepsItsFields() {
    let claim = WorkerPool.Claim(generation: (1 << 23) + 5, parts: 1000, next: 999)
    let decoded = WorkerPool.Claim(word: claim.word)
    #expect(decoded.generation == 5)
    #expect(decoded.parts == 1000)
    #expect(decoded.next == 999)
    #expect(WorkerPool.Claim(word: claim.word + 1).next == 1000)
  }
}
