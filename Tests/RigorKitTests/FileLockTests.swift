import Foundation
import Testing

@testable import RigorKit

@Suite struct FileLockTests {
  let file = FileManager.default.temporaryDirectory
    .appendingPathComponent("rigor-lock-\(UUID().uuidString.prefix(8))/toolchain.lock")

  /// Acquires the lock on another thread; the semaphore is signalled once it is held.
  private func acquireElsewhere(_ mode: FileLock.Mode, held: DispatchSemaphore, release: DispatchSemaphore) {
    Thread.detachNewThread { [file] in
      let lock = try? FileLock(file: file, mode: mode)
      held.signal()
      release.wait()
      withExtendedLifetime(lock) {}
    }
  }

  @Test func compilesWaitWhileTheToolchainIsBuilt() throws {
    defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
    var builder: FileLock? = try FileLock(file: file, mode: .exclusive)
    let held = DispatchSemaphore(value: 0)
    let release = DispatchSemaphore(value: 0)
    acquireElsewhere(.shared, held: held, release: release)
    #expect(held.wait(timeout: .now() + 0.3) == .timedOut)
    withExtendedLifetime(builder) {}
    builder = nil
    #expect(held.wait(timeout: .now() + 10) == .success)
    release.signal()
  }

  @Test func concurrentCompilesShareTheLock() throws {
    defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
    let compile = try FileLock(file: file, mode: .shared)
    let held = DispatchSemaphore(value: 0)
    let release = DispatchSemaphore(value: 0)
    acquireElsewhere(.shared, held: held, release: release)
    #expect(held.wait(timeout: .now() + 10) == .success)
    release.signal()
    withExtendedLifetime(compile) {}
  }

  /// Another process (util-linux `flock`, as a second `rigor` would) cannot start a build
  /// while a compile holds the lock, and can once it is released.
  @Test func anotherProcessCannotBuildDuringACompile() throws {
    defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
    func tryExclusive() throws -> Int32 {
      let process = Process()
      process.executableURL = URL(fileURLWithPath: "/usr/bin/flock")
      process.arguments = ["--nonblock", "--exclusive", file.path, "true"]
      try process.run()
      process.waitUntilExit()
      return process.terminationStatus
    }
    var compile: FileLock? = try FileLock(file: file, mode: .shared)
    #expect(try tryExclusive() != 0)
    withExtendedLifetime(compile) {}
    compile = nil
    #expect(try tryExclusive() == 0)
  }

  @Test func anUnwritableLockFolderIsAnErrorThatNamesThePath() {
    #expect {
      _ = try FileLock(file: URL(fileURLWithPath: "/proc/rigor/toolchain.lock"), mode: .shared)
    } throws: { error in
      String(describing: error).hasPrefix("cannot create the folder of the lock file /proc/rigor/toolchain.lock: ")
    }
  }

  @Test func attemptsFailOnlyAgainstAConflictingHolder() throws {
    defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
    var writer: FileLock? = try FileLock(file: file, mode: .shared)
    #expect(try FileLock.attempt(file: file, mode: .shared) != nil)
    #expect(try FileLock.attempt(file: file, mode: .exclusive) == nil)
    withExtendedLifetime(writer) {}
    writer = nil
    let recovery = try FileLock.attempt(file: file, mode: .exclusive)
    #expect(recovery != nil)
    #expect(try FileLock.attempt(file: file, mode: .shared) == nil)
    withExtendedLifetime(recovery) {}
  }
}
