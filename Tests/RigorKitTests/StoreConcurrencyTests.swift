import CLibGit2
import Foundation
import Testing
@testable import RigorKit

/// Runs `body(index)` on `count` threads at once and waits for all of them.
private func onThreads(_ count: Int, _ body: @escaping @Sendable (Int) -> Void) {
  let group = DispatchGroup()
  for index in 0..<count {
    group.enter()
    let thread = Thread {
      body(index)
      group.leave()
    }
    thread.start()
  }
  group.wait()
}

/// A shell loop committing with the git CLI, compare-and-swapping the ref like the store does,
/// so a second process contends for the same `.lock` files.
private let gitWriterScript = """
  set -e
  zero=0000000000000000000000000000000000000000
  tree=$(git mktree </dev/null)
  for i in $(seq 1 8); do
    while true; do
      old=$(git rev-parse -q --verify refs/rigor/c || true)
      if [ -n "$old" ]; then
        new=$(echo "external $1 $i" | git commit-tree "$tree" -p "$old")
        expected=$old
      else
        new=$(echo "external $1 $i" | git commit-tree "$tree")
        expected=$zero
      fi
      if git update-ref refs/rigor/c "$new" "$expected" 2>/dev/null; then echo "$new"; break; fi
    done
  done
  """

@Suite("ResultStore concurrency and recovery")
struct StoreConcurrencyTests {
  @Test func concurrentWritersLoseNoRun() throws {
    let folder = try StoreTemporaryFolder()
    _ = try makeStoreProjectRepository(in: folder)
    let url = folder.url
    let results = StoreCollected<ObjectID>()
    let registrations = StoreCollected<ObjectID>()
    let failures = StoreCollected<String>()
    let writers = 8
    let runsPerWriter = 4

    // Two git CLI processes write to the same ref while the threads do.
    let external = (0..<2).map { index -> Process in
      let process = Process()
      process.executableURL = URL(fileURLWithPath: "/bin/sh")
      process.arguments = ["-c", gitWriterScript, "writer", "\(index)"]
      process.currentDirectoryURL = url
      var environment = ProcessInfo.processInfo.environment
      environment["GIT_AUTHOR_NAME"] = "Ext"
      environment["GIT_AUTHOR_EMAIL"] = "ext@example.org"
      environment["GIT_COMMITTER_NAME"] = "Ext"
      environment["GIT_COMMITTER_EMAIL"] = "ext@example.org"
      process.environment = environment
      process.standardOutput = Pipe()
      process.standardError = Pipe()
      return process
    }
    for process in external { try process.run() }

    onThreads(writers) { writer in
      do {
        // Each thread opens its own repository handle, as separate processes would.
        let store = ResultStore(repository: try GitRepository.open(at: url))
        for run in 0..<runsPerWriter {
          let registration = try store.register(
            notebook: "c", notebookPath: "Notebooks/c.md",
            files: ["registration.json": Data(storeText: "{\"writer\":\(writer),\"run\":\(run)}")], message: "register")
          registrations.append(registration.commit)
          let result = try store.record(
            registration,
            files: ["result.json": Data(storeText: "{\"writer\":\(writer),\"run\":\(run)}"), "seeds/0/steps/1.txt": Data(storeText: "w\(writer)")],
            message: "result \(writer).\(run)", trailers: [("Notebook", "Notebooks/c.md")])
          results.append(result)
        }
        if ProcessInfo.processInfo.environment["RIGOR_STORE_TEST_VERBOSE"] != nil {
          print("writer \(writer) lost \(store.lostRaces) races")
        }
      } catch {
        failures.append("writer \(writer): \(error)")
      }
    }
    var externalCommits: [String] = []
    for process in external {
      process.waitUntilExit()
      #expect(process.terminationStatus == 0)
      let output = (process.standardOutput as! Pipe).fileHandleForReading.readDataToEndOfFile()
      externalCommits += String(decoding: output, as: UTF8.self).split(separator: "\n").map(String.init)
    }

    #expect(failures.all.isEmpty, "\(failures.all)")
    #expect(results.all.count == writers * runsPerWriter)
    #expect(Set(results.all).count == writers * runsPerWriter)
    let reachable = Set(
      try storeGit(["rev-list", "refs/rigor/c"], in: url).standardOutput.split(separator: "\n").map(String.init))
    for commit in results.all + registrations.all {
      #expect(reachable.contains(commit.description), "lost \(commit)")
    }
    #expect(externalCommits.count == 16)
    for commit in externalCommits { #expect(reachable.contains(commit), "lost external \(commit)") }

    let history = try ResultStore(repository: try GitRepository.open(at: url)).history(name: "c")
    #expect(history.filter { $0.kind == .result }.count == writers * runsPerWriter)
    #expect(history.filter(\.isInterrupted).isEmpty)
    // Every result's tree is exactly its own run's files.
    for run in history where run.kind == .result {
      #expect(try run.files().keys.sorted() == ["result.json", "seeds/0/steps/1.txt"])
    }
    let fsck = try storeGit(["fsck", "--strict", "--no-progress"], in: url)
    #expect(fsck.status == 0, "\(fsck.standardError)")
  }

  @Test func exactlyOneOfManyConcurrentCreatorsWins() throws {
    let folder = try StoreTemporaryFolder()
    let repository = try makeStoreProjectRepository(in: folder)
    let url = folder.url
    let commits = try (0..<8).map { index in
      try repository.createCommit(
        tree: try repository.writeTree(files: ["w": Data(storeText: "\(index)")]), parents: [], message: "creator \(index)\n")
    }
    for round in 0..<20 {
      let winners = StoreCollected<Int>()
      let unexpected = StoreCollected<String>()
      let start = DispatchSemaphore(value: 0)
      let ready = DispatchGroup()
      let done = DispatchGroup()
      for index in 0..<8 {
        ready.enter()
        done.enter()
        Thread {
          defer { done.leave() }
          do {
            let own = try GitRepository.open(at: url)
            ready.leave()
            start.wait()
            try own.updateReference("refs/rigor/race\(round)", to: commits[index], expecting: nil, logMessage: "create")
            winners.append(index)
          } catch let error as GitError where error.isLostRace {
            // Lost to another creator: expected for all but one.
          } catch {
            unexpected.append("\(error)")
          }
        }.start()
      }
      ready.wait()
      for _ in 0..<8 { start.signal() }
      done.wait()
      #expect(unexpected.all.isEmpty, "\(unexpected.all)")
      // Before creation was checked under the lock, two creators could both "win" and the
      // second silently replaced the first.
      #expect(winners.all.count == 1, "round \(round): winners \(winners.all)")
      if let winner = winners.all.first {
        #expect(try repository.referenceTarget("refs/rigor/race\(round)") == commits[winner])
      }
    }
  }

  /// Writes a lock file under the store's git folder, modified `age` seconds ago.
  @discardableResult
  private func plantLock(_ name: String, in store: ResultStore, age: TimeInterval) throws -> URL {
    let lock = store.repository.commonDirectory.appendingPathComponent(name)
    try Data(storeText: "0000\n").write(to: lock)
    try FileManager.default.setAttributes(
      [.modificationDate: Date().addingTimeInterval(-age)], ofItemAtPath: lock.path)
    return lock
  }

  @Test func staleLockLeftByAKilledProcessIsRemoved() throws {
    let folder = try StoreTemporaryFolder()
    let store = ResultStore(repository: try makeStoreProjectRepository(in: folder))
    let first = try store.register(notebook: "s", notebookPath: "s.md", files: [:], message: "r")
    let lock = try plantLock("refs/rigor/s.lock", in: store, age: 60)

    let result = try store.record(first, files: ["result.json": Data(storeText: "{}")], message: "m", trailers: [])
    #expect(try store.tip(name: "s") == result)
    #expect(!FileManager.default.fileExists(atPath: lock.path))
  }

  @Test func lockWithoutALiveRigorWriterIsRemovedWithoutWaitingTheStaleAge() throws {
    let folder = try StoreTemporaryFolder()
    let store = ResultStore(repository: try makeStoreProjectRepository(in: folder))
    store.contentionTimeout = 10
    let first = try store.register(notebook: "o", notebookPath: "o.md", files: [:], message: "r")
    let lock = try plantLock("refs/rigor/o.lock", in: store, age: store.orphanedLockAge + 1)

    // A Rigor writer mid-update (it holds the writers lock): the lock may be its own.
    var writer: FileLock? = try FileLock(file: store.writersLockFile, mode: .shared)
    #expect(try store.removeStaleLocks(for: "refs/rigor/o") == false)
    #expect(FileManager.default.fileExists(atPath: lock.path))
    withExtendedLifetime(writer) {}
    writer = nil

    let started = Date()
    let result = try store.record(first, files: ["result.json": Data(storeText: "{}")], message: "m", trailers: [])
    #expect(Date().timeIntervalSince(started) < store.staleLockAge / 2)
    #expect(try store.tip(name: "o") == result)
    #expect(!FileManager.default.fileExists(atPath: lock.path))
  }

  @Test func packedRefsLockKeepsTheLongStaleAge() throws {
    let folder = try StoreTemporaryFolder()
    let store = ResultStore(repository: try makeStoreProjectRepository(in: folder))
    let lock = try plantLock("packed-refs.lock", in: store, age: store.orphanedLockAge + 1)
    #expect(try store.removeStaleLocks(for: "refs/rigor/p") == false)
    #expect(FileManager.default.fileExists(atPath: lock.path))
  }

  @Test func freshLockIsWaitedForNotRemoved() throws {
    let folder = try StoreTemporaryFolder()
    let store = ResultStore(repository: try makeStoreProjectRepository(in: folder))
    store.contentionTimeout = 0.3
    let registration = try store.register(notebook: "f", notebookPath: "f.md", files: [:], message: "r")
    let lock = store.repository.commonDirectory.appendingPathComponent("refs/rigor/f.lock")
    try Data().write(to: lock)

    let error = #expect(throws: ResultStoreError.self) {
      try store.record(registration, files: [:], message: "m", trailers: [])
    }
    guard case .contention(let reference, let attempts, _, let lastError)? = error else {
      Issue.record("expected a contention error, got \(String(describing: error))")
      return
    }
    #expect(reference == "refs/rigor/f")
    #expect(attempts > 1)
    #expect(lastError.code == GIT_ELOCKED.rawValue)
    #expect(lastError.message.contains("f.lock"))
    #expect(error?.description.contains("remove refs/rigor/f.lock") == true)
    #expect(FileManager.default.fileExists(atPath: lock.path))
    #expect(try store.tip(name: "f") == registration.commit)
  }

  @Test func writerWaitsForALockThatIsReleased() throws {
    let folder = try StoreTemporaryFolder()
    let store = ResultStore(repository: try makeStoreProjectRepository(in: folder))
    let registration = try store.register(notebook: "w", notebookPath: "w.md", files: [:], message: "r")
    let lock = store.repository.commonDirectory.appendingPathComponent("refs/rigor/w.lock")
    try Data().write(to: lock)
    let path = lock.path
    let releaser = Thread {
      usleep(150_000)
      unlink(path)
    }
    releaser.start()
    let result = try store.record(registration, files: [:], message: "m", trailers: [])
    #expect(try store.tip(name: "w") == result)
  }

  @Test func clashingNotebookNamesFailWithoutRetrying() throws {
    let folder = try StoreTemporaryFolder()
    let store = ResultStore(repository: try makeStoreProjectRepository(in: folder))
    // Retrying would end in ResultStoreError.contention after this timeout.
    store.contentionTimeout = 2
    _ = try store.register(notebook: "examples", notebookPath: "examples.md", files: [:], message: "r")
    let error = #expect(throws: ResultStoreError.self) {
      try store.register(notebook: "examples/tier2", notebookPath: "t.md", files: [:], message: "r")
    }
    #expect(error == .referenceClash(reference: "refs/rigor/examples/tier2", existing: "refs/rigor/examples"))

    // The other way round: a folder of references where the new one would go.
    _ = try store.register(notebook: "sets/a", notebookPath: "a.md", files: [:], message: "r")
    let reverse = #expect(throws: ResultStoreError.self) {
      try store.register(notebook: "sets", notebookPath: "s.md", files: [:], message: "r")
    }
    #expect(reverse == .referenceClash(reference: "refs/rigor/sets", existing: "refs/rigor/sets/a"))
  }
}
