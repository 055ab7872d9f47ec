import Foundation

/// Runs many seeds, at most `jobs` at a time, each on a thread of its own (the supervisor
/// loop blocks, so it stays off Swift's cooperative thread pool).
///
/// Every launch gets its BLAS threads pinned to max(1, cores / min(jobs, seeds)) (docs/COMMAND-LINE.md), so
/// parallel seeds do not oversubscribe the cores and a one-seed run of a real model gets every
/// core; the value is in each outcome.
public struct SeedScheduler: Sendable {
  public var jobs: Int
  public var cores: Int

  public init(jobs: Int? = nil, cores: Int = ProcessInfo.processInfo.activeProcessorCount) {
    self.cores = max(1, cores)
    self.jobs = max(1, jobs ?? self.cores)
  }

  /// Threads each seed's BLAS may use when at least `jobs` seeds run.
  public var blasThreadsPerSeed: Int { max(1, cores / jobs) }

  /// Threads each seed's BLAS may use in a run of `seeds` seeds: max(1, cores / min(jobs, seeds)).
  public func blasThreads(seeds: Int) -> Int { max(1, cores / max(1, min(jobs, seeds))) }

  /// Runs every launch and returns the results in the launches' order.
  public func run(
    _ launches: [SeedLaunch], progress: SeedProgressHandler? = nil, output: SeedOutputHandler? = nil
  ) -> [Result<SeedOutcome, ExecutionError>] {
    let results = ResultSlots(count: launches.count)
    let next = NextIndex()
    let group = DispatchGroup()
    let blasThreads = blasThreads(seeds: launches.count)
    for _ in 0..<min(jobs, launches.count) {
      group.enter()
      let worker = Thread {
        while let index = next.take(below: launches.count) {
          var launch = launches[index]
          launch.blasThreads = blasThreads
          let result = Result { try SeedRunner().run(launch, progress: progress, output: output) }
            .mapError { $0 as? ExecutionError ?? .cannotStart(executable: launch.binary.path, errno: EIO) }
          results.set(index, result)
        }
        group.leave()
      }
      worker.stackSize = 1 << 20
      worker.start()
    }
    group.wait()
    return results.values
  }

  /// `run` from async code, without blocking a cooperative thread.
  public func run(
    _ launches: [SeedLaunch], progress: SeedProgressHandler? = nil
  ) async -> [Result<SeedOutcome, ExecutionError>] {
    await withCheckedContinuation { continuation in
      Thread { continuation.resume(returning: self.run(launches, progress: progress)) }.start()
    }
  }
}

/// Hands out indices 0, 1, 2... to worker threads.
private final class NextIndex: @unchecked Sendable {
  private let lock = NSLock()
  private var value = 0

  func take(below limit: Int) -> Int? {
    lock.withLock {
      guard value < limit else { return nil }
      defer { value += 1 }
      return value
    }
  }
}

/// Results written by worker threads, read once all are done.
private final class ResultSlots: @unchecked Sendable {
  private let lock = NSLock()
  private var slots: [Result<SeedOutcome, ExecutionError>?]

  init(count: Int) { slots = Array(repeating: nil, count: count) }

  func set(_ index: Int, _ result: Result<SeedOutcome, ExecutionError>) {
    lock.withLock { slots[index] = result }
  }

  var values: [Result<SeedOutcome, ExecutionError>] { lock.withLock { slots.map { $0! } } }
}
