import Foundation
import Testing
@testable import RigorKit

@Suite("ResultStore maintenance")
struct StoreMaintenanceTests {
  @Test func packingMovesLooseObjectsIntoAPackAndKeepsEverythingReadable() throws {
    let folder = try StoreTemporaryFolder()
    let store = ResultStore(repository: try makeStoreProjectRepository(in: folder))
    var results: [ObjectID: [String: Data]] = [:]
    for run in 0..<5 {
      let registration = try store.register(notebook: "p", notebookPath: "p.md", files: ["r.json": Data(storeText: "\(run)")], message: "r")
      let files = ["result.json": Data(storeText: "{\"run\":\(run)}"), "seeds/0/steps/1.txt": Data(storeText: "run \(run)\n")]
      results[try store.record(registration, files: files, message: "m", trailers: [])] = files
    }
    let historyBefore = try store.history(name: "p").map(\.commit)
    #expect(!store.repository.looseObjectIDs().isEmpty)

    let packed = try store.packIfNeeded(looseObjectThreshold: 0)
    #expect(packed > 0)
    #expect(store.repository.looseObjectIDs().isEmpty)
    let counts = try storeGit(["count-objects", "-v"], in: folder.url).standardOutput
    #expect(counts.contains("\ncount: 0\n") || counts.hasPrefix("count: 0\n"))
    #expect(counts.contains("in-pack: \(packed)\n"))

    // A fresh handle (another process) and the same one both read everything back.
    let reopened = ResultStore(repository: try GitRepository.open(at: folder.url))
    #expect(try reopened.history(name: "p").map(\.commit) == historyBefore)
    for (commit, files) in results {
      #expect(try reopened.files(in: commit) == files)
      #expect(try store.files(in: commit) == files)
    }
    let fsck = try storeGit(["fsck", "--strict", "--no-progress"], in: folder.url)
    #expect(fsck.status == 0, "\(fsck.standardError)")
    // Writing after packing still works, and the user's commit is still readable by git.
    let registration = try store.register(notebook: "p", notebookPath: "p.md", files: [:], message: "after")
    _ = try store.record(registration, files: ["result.json": Data(storeText: "{}")], message: "m", trailers: [])
    #expect(try storeGit(["log", "--oneline", "HEAD"], in: folder.url).status == 0)
  }

  @Test func packIfNeededDoesNothingBelowTheThreshold() throws {
    let folder = try StoreTemporaryFolder()
    let store = ResultStore(repository: try makeStoreProjectRepository(in: folder))
    let registration = try store.register(notebook: "p", notebookPath: "p.md", files: [:], message: "r")
    _ = try store.record(registration, files: ["a": Data(storeText: "1")], message: "m", trailers: [])
    let loose = store.repository.looseObjectIDs().count
    #expect(try store.packIfNeeded(looseObjectThreshold: 1_000_000) == 0)
    #expect(store.repository.looseObjectIDs().count == loose)
  }

  @Test func latestResultSkipsRegistrationsOnTop() throws {
    let folder = try StoreTemporaryFolder()
    let store = ResultStore(repository: try makeStoreProjectRepository(in: folder))
    let first = try store.register(notebook: "l", notebookPath: "l.md", files: [:], message: "r1")
    let result = try store.record(first, files: ["result.json": Data(storeText: "1")], message: "m", trailers: [])
    _ = try store.register(notebook: "l", notebookPath: "l.md", files: [:], message: "r2 (running)")
    let latest = try store.latestResult(name: "l")
    #expect(latest?.commit == result)
    #expect(latest?.registration == first.commit)
    #expect(try latest?.readFile("result.json") == Data(storeText: "1"))
  }

  @Test func keepsWorkingAfterTheUserRunsGitGC() throws {
    let folder = try StoreTemporaryFolder()
    let store = ResultStore(repository: try makeStoreProjectRepository(in: folder))
    let first = try store.register(notebook: "gc", notebookPath: "gc.md", files: [:], message: "r")
    let firstResult = try store.record(first, files: ["result.json": Data(storeText: "1")], message: "m", trailers: [])
    // gc packs the references into packed-refs and the objects into a pack.
    #expect(try storeGit(["gc", "--quiet"], in: folder.url).status == 0)
    #expect(try storeGit(["pack-refs", "--all"], in: folder.url).status == 0)
    #expect(!FileManager.default.fileExists(atPath: folder.url.appendingPathComponent(".git/refs/rigor/gc").path))

    let second = try store.register(notebook: "gc", notebookPath: "gc.md", files: [:], message: "r")
    #expect(second.parent == firstResult)
    let secondResult = try store.record(second, files: ["result.json": Data(storeText: "2")], message: "m", trailers: [])
    #expect(try store.history(name: "gc").map(\.commit) == [secondResult, second.commit, firstResult, first.commit])
    #expect(try store.readFile("result.json", in: firstResult) == Data(storeText: "1"))
    let fsck = try storeGit(["fsck", "--strict", "--no-progress"], in: folder.url)
    #expect(fsck.status == 0, "\(fsck.standardError)")
  }
}

@Suite("ResultStore commit packing")
struct StoreCommitPackingTests {
  @Test func packsTheNewestLooseCommitsOnlyFromTheThresholdOn() throws {
    let folder = try StoreTemporaryFolder()
    let store = ResultStore(repository: try makeStoreProjectRepository(in: folder))
    func run(_ index: Int) throws {
      let registration = try store.register(notebook: "c", notebookPath: "c.md", files: ["r.json": Data(storeText: "\(index)")], message: "r")
      _ = try store.record(registration, files: ["result.json": Data(storeText: "{\"run\":\(index)}")], message: "m", trailers: [])
    }
    for index in 0..<6 { try run(index) }
    let history = try store.history(name: "c").map(\.commit)
    #expect(history.count == 12)
    #expect(try store.packCommitsIfNeeded(name: "c", threshold: 13) == 0)
    #expect(history.allSatisfy { store.repository.isLoose($0) })
    let looseBefore = store.repository.looseObjectIDs().count

    #expect(try store.packCommitsIfNeeded(name: "c", threshold: 12) == 12)
    #expect(history.allSatisfy { !store.repository.isLoose($0) })
    // Trees and files stay loose; only the commits moved.
    #expect(store.repository.looseObjectIDs().count == looseBefore - 12)
    #expect(try store.packCommitsIfNeeded(name: "c", threshold: 1) == 0)

    // Two more commits: the walk stops at the first packed commit and packs just those.
    try run(6)
    #expect(try store.packCommitsIfNeeded(name: "c", threshold: 2) == 2)
    let reopened = ResultStore(repository: try GitRepository.open(at: folder.url))
    #expect(try reopened.history(name: "c").count == 14)
    #expect(try reopened.history(name: "c").suffix(12).map(\.commit) == history)
    #expect(try reopened.readFile("result.json", in: history[0]) == Data(storeText: "{\"run\":5}"))
    let fsck = try storeGit(["fsck", "--strict", "--no-progress"], in: folder.url)
    #expect(fsck.status == 0, "\(fsck.standardError)")
    #expect(try storeGit(["rev-list", "--count", "refs/rigor/c"], in: folder.url).standardOutput.hasPrefix("14"))
  }

  @Test func occasionalPackingChecksOnlyForIdsStartingBelowSixteen() throws {
    let folder = try StoreTemporaryFolder()
    let store = ResultStore(repository: try makeStoreProjectRepository(in: folder))
    let registration = try store.register(notebook: "o", notebookPath: "o.md", files: [:], message: "r")
    _ = try store.record(registration, files: ["result.json": Data(storeText: "{}")], message: "m", trailers: [])
    let skipped = try #require(ObjectID(hex: "10" + String(repeating: "0", count: 38)))
    let checked = try #require(ObjectID(hex: "0f" + String(repeating: "f", count: 38)))
    #expect(try store.packCommitsOccasionally(after: skipped, name: "o", threshold: 1) == 0)
    #expect(try store.packCommitsOccasionally(after: checked, name: "o", threshold: 1) == 2)
  }

  @Test func noRunsNothingToPack() throws {
    let folder = try StoreTemporaryFolder()
    let store = ResultStore(repository: try makeStoreProjectRepository(in: folder))
    #expect(try store.packCommitsIfNeeded(name: "never", threshold: 1) == 0)
  }
}
