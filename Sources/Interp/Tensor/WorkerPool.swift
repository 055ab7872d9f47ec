import Foundation
import Synchronization

/// Persistent threads that run the parts of one parallel loop at a time, handed over in
/// well under a microsecond.
///
/// A training step is a chain of short parallel operations (a product, then an elementwise
/// pass, then another product) separated by single-threaded bookkeeping. Waking a sleeping
/// thread for each of them costs 10–50 µs (Dispatch's workers, measured on a 2-core VM), which
/// on an SAE step is a large share of the arithmetic itself. The workers here therefore
/// *spin* on a job counter for ``spinDuration`` after their last job before they sleep on a
/// condition variable, as OpenMP and OpenBLAS pools do. Interp keeps OpenBLAS single-threaded
/// so that this is the only pool (two spinning pools on two cores take turns at each other's
/// core).
///
/// Parts are claimed dynamically, and the caller claims parts too: when a worker is not
/// scheduled, the caller does its share, so a loop waits for a descheduled worker only to
/// finish a part that worker had already claimed. Which thread runs a part never changes what
/// the part computes. An idle worker costs at most ``spinDuration`` of CPU after each burst of
/// work; a single-thread pool (`OPENBLAS_NUM_THREADS=1`, as `rigor run` gives seeds that share
/// the machine) has no workers at all.
final class WorkerPool: @unchecked Sendable {
  /// The pool of ``Parallel/threadCount`` threads (the caller plus `threadCount − 1` workers).
  static let shared = WorkerPool(threads: Parallel.threadCount)

  /// How long an idle worker keeps polling for the next job before it sleeps.
  static let spinDuration: Duration = .microseconds(500)

  /// Threads that run parts, counting the calling thread.
  let threadCount: Int

  /// Bumped once per job; workers wait for it to change.
  private let generation = Atomic<Int>(0)
  /// The current job's claim word: its generation, its part count and the next unclaimed part
  /// (see ``Claim``). One word, so that a worker late for a job can never claim a part of the
  /// next one by mistake.
  private let claims = Atomic<Int>(0)
  /// Parts of the current job not finished yet.
  private let unfinished = Atomic<Int>(0)
  /// Workers blocked on `wakeUp` (not spinning).
  private let sleepers = Atomic<Int>(0)
  private let wakeUp = NSCondition()
  /// One job at a time: a nested or concurrent caller runs its loop on its own thread.
  private let busy = Atomic<Bool>(false)
  /// Set by ``shutDown()``.
  private let stopping = Atomic<Bool>(false)
  /// The current job's body, written before its claim word is published (release) and read
  /// after a part is claimed (acquire); valid until `unfinished` reaches zero.
  private var body: ((Int) -> Void)?

  init(threads: Int) {
    threadCount = Swift.max(threads, 1)
    for index in 1..<threadCount {
      // Workers keep their pool alive until ``shutDown()``.
      let thread = Thread { self.workerLoop() }
      thread.name = "Interp worker \(index)"
      thread.start()
    }
  }

  /// Calls `body(0)`, …, `body(parts − 1)`, each exactly once, spread over the pool's threads,
  /// and returns when all have finished.
  func run(_ parts: Int, _ body: (Int) -> Void) {
    guard parts > 1, threadCount > 1, parts < Claim.maximumParts,
      busy.compareExchange(expected: false, desired: true, ordering: .acquiring).exchanged
    else {
      for part in 0..<parts { body(part) }
      return
    }
    withoutActuallyEscaping(body) { body in
      self.body = body
      let job = generation.load(ordering: .relaxed) + 1
      unfinished.store(parts, ordering: .relaxed)
      claims.store(Claim(generation: job, parts: parts, next: 0).word, ordering: .releasing)
      generation.store(job, ordering: .sequentiallyConsistent)
      if sleepers.load(ordering: .sequentiallyConsistent) > 0 {
        wakeUp.lock()
        wakeUp.broadcast()
        wakeUp.unlock()
      }
      runParts(of: job)
      while unfinished.load(ordering: .acquiring) > 0 {}
      self.body = nil
    }
    busy.store(false, ordering: .releasing)
  }

  /// Ends the worker threads once they finish what they run (for pools other than `shared`).
  func shutDown() {
    stopping.store(true, ordering: .sequentiallyConsistent)
    generation.add(1, ordering: .sequentiallyConsistent)
    wakeUp.lock()
    wakeUp.broadcast()
    wakeUp.unlock()
  }

  /// Claims and runs parts of job `job` until none is left (or a newer job has replaced it).
  private func runParts(of job: Int) {
    var word = claims.load(ordering: .acquiring)
    while true {
      let claim = Claim(word: word)
      guard claim.generation == Claim.generationBits(job), claim.next < claim.parts else { return }
      let (exchanged, current) = claims.compareExchange(
        expected: word, desired: word + 1, ordering: .acquiringAndReleasing)
      guard exchanged else {
        word = current
        continue
      }
      body?(claim.next)
      unfinished.subtract(1, ordering: .releasing)
      word = claims.load(ordering: .acquiring)
    }
  }

  private func workerLoop() {
    var seen = generation.load(ordering: .acquiring)
    let clock = ContinuousClock()
    while true {
      var deadline = clock.now + Self.spinDuration
      var polls = 0
      while generation.load(ordering: .acquiring) == seen {
        polls += 1
        // Reading the clock costs more than a poll, so it is read every 256 polls.
        guard polls & 255 == 0, clock.now > deadline else { continue }
        sleep(until: seen)
        deadline = clock.now + Self.spinDuration
      }
      if stopping.load(ordering: .sequentiallyConsistent) { return }
      seen = generation.load(ordering: .acquiring)
      runParts(of: seen)
    }
  }

  private func sleep(until seen: Int) {
    wakeUp.lock()
    sleepers.add(1, ordering: .sequentiallyConsistent)
    while generation.load(ordering: .sequentiallyConsistent) == seen { wakeUp.wait() }
    sleepers.subtract(1, ordering: .sequentiallyConsistent)
    wakeUp.unlock()
  }

  /// A job's generation (low bits), part count and next unclaimed part in one word.
  struct Claim {
    static let partBits = 20
    static let maximumParts = 1 << partBits
    var generation: Int
    var parts: Int
    var next: Int

    static func generationBits(_ generation: Int) -> Int { generation & ((1 << 23) - 1) }

    init(generation: Int, parts: Int, next: Int) {
      self.generation = Self.generationBits(generation)
      self.parts = parts
      self.next = next
    }

    init(word: Int) {
      let mask = Self.maximumParts - 1
      generation = word >> (2 * Self.partBits)
      parts = (word >> Self.partBits) & mask
      next = word & mask
    }

    var word: Int { generation << (2 * Self.partBits) | parts << Self.partBits | next }
  }
}
