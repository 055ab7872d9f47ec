import CLibGit2
import Foundation
import Testing
@testable import RigorKit

/// Trailers a run would pass to `record`.
private func runTrailers(_ notebook: String = "Notebooks/quickstart.md") -> [(String, String)] {
  [
    ("Notebook", notebook), ("Notebook-Blob", String(repeating: "a", count: 40)),
    ("Source-Commit", String(repeating: "b", count: 40)), ("Source-Dirty", "false"),
  ]
}

private func trimmed(_ output: StoreGitOutput) -> String {
  output.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines)
}

@Suite("ResultStore")
struct StoreResultStoreTests {
  @Test func registerThenRecordFastForwards() throws {
    let folder = try StoreTemporaryFolder()
    let store = ResultStore(repository: try makeStoreProjectRepository(in: folder))
    let registration = try store.register(
      notebook: "quickstart", notebookPath: "Notebooks/quickstart.md",
      files: ["registration.json": Data(storeText: "{\"claims\":[]}")], message: "Register quickstart")
    #expect(registration.parent == nil)
    #expect(registration.reference == "refs/rigor/quickstart")
    let result = try store.record(
      registration, files: ["result.json": Data(storeText: "{\"ok\":true}"), "seeds/0/steps/1.txt": Data(storeText: "out\n")],
      message: "Run quickstart: 1 claim supported", trailers: runTrailers())

    #expect(trimmed(try storeGit(["rev-parse", "refs/rigor/quickstart"], in: folder.url)) == result.description)
    let parents = trimmed(try storeGit(["log", "-1", "--format=%P", "refs/rigor/quickstart"], in: folder.url))
    #expect(parents == registration.commit.description)
    let registrationParents = trimmed(try storeGit(["log", "-1", "--format=%P", registration.commit.description], in: folder.url))
    #expect(registrationParents.isEmpty)
    #expect(trimmed(try storeGit(["show", "refs/rigor/quickstart:seeds/0/steps/1.txt"], in: folder.url)) == "out")
    let fsck = try storeGit(["fsck", "--strict", "--no-progress"], in: folder.url)
    #expect(fsck.status == 0, "\(fsck.standardError)")

    // The next registration builds on the previous result.
    let next = try store.register(
      notebook: "quickstart", notebookPath: "Notebooks/quickstart.md", files: ["r.json": Data(storeText: "{}")],
      message: "Register again")
    #expect(next.parent == result)
  }

  @Test func resultRecordedAfterAnotherRunIsAMerge() throws {
    let folder = try StoreTemporaryFolder()
    let store = ResultStore(repository: try makeStoreProjectRepository(in: folder))
    let slow = try store.register(notebook: "nb", notebookPath: "Notebooks/nb.md", files: ["r": Data(storeText: "slow")], message: "slow")
    let fast = try store.register(notebook: "nb", notebookPath: "Notebooks/nb.md", files: ["r": Data(storeText: "fast")], message: "fast")
    #expect(fast.parent == slow.commit)
    let fastResult = try store.record(fast, files: ["result.json": Data(storeText: "1")], message: "fast done", trailers: runTrailers())
    let slowResult = try store.record(slow, files: ["result.json": Data(storeText: "2")], message: "slow done", trailers: runTrailers())

    let parents = trimmed(try storeGit(["log", "-1", "--format=%P", slowResult.description], in: folder.url))
    #expect(parents == "\(slow.commit) \(fastResult)")
    let reachable = Set(trimmed(try storeGit(["rev-list", "refs/rigor/nb"], in: folder.url)).split(separator: "\n").map(String.init))
    #expect(reachable == Set([slow.commit, fast.commit, fastResult, slowResult].map(\.description)))
    // The merge's tree is the slow run's own folder, never a mix of both runs.
    #expect(trimmed(try storeGit(["show", "refs/rigor/nb:result.json"], in: folder.url)) == "2")
  }

  @Test func messageEndsWithGitTrailers() throws {
    let folder = try StoreTemporaryFolder()
    let store = ResultStore(repository: try makeStoreProjectRepository(in: folder))
    let registration = try store.register(
      notebook: "q", notebookPath: "Notebooks/q.md", files: ["r": Data(storeText: "x")], message: "Register q")
    let result = try store.record(
      registration, files: ["result.json": Data(storeText: "{}")], message: "Run q\n\nAll 3 claims supported.\n",
      trailers: runTrailers("Notebooks/q.md"))
    let parsed = try storeGit(
      ["log", "-1", "--format=%(trailers:only,unfold)", result.description], in: folder.url)
    #expect(parsed.standardOutput.split(separator: "\n").map(String.init) == [
      "Notebook: Notebooks/q.md", "Notebook-Blob: \(String(repeating: "a", count: 40))",
      "Source-Commit: \(String(repeating: "b", count: 40))", "Source-Dirty: false", "Rigor-Kind: result",
    ])
    #expect(trimmed(try storeGit(["log", "-1", "--format=%s", result.description], in: folder.url)) == "Run q")
    let registrationTrailers = try storeGit(
      ["log", "-1", "--format=%(trailers:only,unfold)", registration.commit.description], in: folder.url)
    #expect(registrationTrailers.standardOutput == "Notebook: Notebooks/q.md\nRigor-Kind: registration\n\n")
  }

  @Test func badTrailersAndNamesAreRefused() throws {
    let folder = try StoreTemporaryFolder()
    let store = ResultStore(repository: try makeStoreProjectRepository(in: folder))
    let registration = try store.register(notebook: "q", notebookPath: "q.md", files: [:], message: "r")
    #expect(throws: ResultStoreError.self) {
      try store.record(registration, files: [:], message: "m", trailers: [("Bad Key", "v")])
    }
    #expect(throws: ResultStoreError.self) {
      try store.record(registration, files: [:], message: "m", trailers: [("Notebook", "two\nlines")])
    }
    #expect(throws: ResultStoreError.self) {
      try store.record(registration, files: [:], message: "m", trailers: [("Rigor-Kind", "result")])
    }
    for name in ["", "a..b", "x.lock", "a b", "/abs", "dir/", "what?"] {
      #expect(throws: ResultStoreError.self, "\(name)") { try ResultStore.referenceName(for: name) }
    }
    #expect(try ResultStore.referenceName(for: "examples/tier2") == "refs/rigor/examples/tier2")
  }

  @Test func historyListsRunsNewestFirstAndFindsInterruptedOnes() throws {
    let folder = try StoreTemporaryFolder()
    let store = ResultStore(repository: try makeStoreProjectRepository(in: folder))
    let first = try store.register(notebook: "h", notebookPath: "h.md", files: ["r": Data(storeText: "1")], message: "reg 1")
    let firstResult = try store.record(
      first, files: ["result.json": Data(storeText: "{\"run\":1}")], message: "run 1", trailers: runTrailers())
    let killed = try store.register(notebook: "h", notebookPath: "h.md", files: ["r": Data(storeText: "2")], message: "reg 2")
    let third = try store.register(notebook: "h", notebookPath: "h.md", files: ["r": Data(storeText: "3")], message: "reg 3")
    let thirdResult = try store.record(
      third, files: ["result.json": Data(storeText: "{\"run\":3}")], message: "run 3", trailers: runTrailers())

    let history = try store.history(name: "h")
    #expect(history.map(\.commit) == [thirdResult, third.commit, killed.commit, firstResult, first.commit])
    #expect(history.map(\.kind) == [.result, .registration, .registration, .result, .registration])
    #expect(history.map(\.isInterrupted) == [false, false, true, false, false])
    #expect(history[0].registration == third.commit)
    #expect(history[1].result == thirdResult)
    #expect(history[4].result == firstResult)
    #expect(history[0].trailer("source-dirty") == "false")
    #expect(history[0].trailer("Notebook") == "Notebooks/quickstart.md")
    #expect(try history[3].readFile("result.json") == Data(storeText: "{\"run\":1}"))
    #expect(try history[3].readFile("absent.json") == nil)
    #expect(try store.latestResult(name: "h")?.commit == thirdResult)
    #expect(try store.history(name: "h", limit: 2).map(\.commit) == [thirdResult, third.commit])
    #expect(try store.history(name: "never-run").isEmpty)
    #expect(try store.latestResult(name: "never-run") == nil)
  }

  @Test func notebooksListsEveryResultsReference() throws {
    let folder = try StoreTemporaryFolder()
    let store = ResultStore(repository: try makeStoreProjectRepository(in: folder))
    let a = try store.register(notebook: "examples/tier2", notebookPath: "Notebooks/examples/tier2.md", files: [:], message: "a")
    let b = try store.register(notebook: "quickstart", notebookPath: "Notebooks/quickstart.md", files: [:], message: "b")
    let listed = try store.notebooks()
    #expect(listed.map(\.name) == ["examples/tier2", "quickstart"])
    #expect(listed.map(\.tip) == [a.commit, b.commit])
  }

  @Test func usersBranchIndexAndWorkTreeAreUntouched() throws {
    let folder = try StoreTemporaryFolder()
    let store = ResultStore(repository: try makeStoreProjectRepository(in: folder))
    try folder.write("staged change\n", to: "README.md")
    try storeGit(["add", "README.md"], in: folder.url)
    try folder.write("unstaged change\n", to: "Notebooks/quickstart.md")
    try folder.write("untracked\n", to: "scratch.txt")
    let before = try [
      storeGit(["rev-parse", "HEAD"], in: folder.url), storeGit(["symbolic-ref", "HEAD"], in: folder.url),
      storeGit(["status", "--porcelain"], in: folder.url), storeGit(["diff", "--cached"], in: folder.url),
      storeGit(["diff"], in: folder.url), storeGit(["ls-files", "--stage"], in: folder.url),
    ].map(\.standardOutput)

    let registration = try store.register(notebook: "quickstart", notebookPath: "Notebooks/quickstart.md", files: ["r": Data(storeText: "x")], message: "r")
    _ = try store.record(registration, files: ["result.json": Data(storeText: "{}"), "README.md": Data(storeText: "result readme")], message: "m", trailers: runTrailers())

    let after = try [
      storeGit(["rev-parse", "HEAD"], in: folder.url), storeGit(["symbolic-ref", "HEAD"], in: folder.url),
      storeGit(["status", "--porcelain"], in: folder.url), storeGit(["diff", "--cached"], in: folder.url),
      storeGit(["diff"], in: folder.url), storeGit(["ls-files", "--stage"], in: folder.url),
    ].map(\.standardOutput)
    #expect(before == after)
    #expect(try String(contentsOf: folder.url.appendingPathComponent("README.md"), encoding: .utf8) == "staged change\n")
  }

  @Test func updatesAreLoggedInTheReflog() throws {
    let folder = try StoreTemporaryFolder()
    let store = ResultStore(repository: try makeStoreProjectRepository(in: folder))
    let registration = try store.register(notebook: "log", notebookPath: "log.md", files: [:], message: "r")
    let result = try store.record(registration, files: ["a": Data(storeText: "1")], message: "m", trailers: [])
    let reflog = try storeGit(["reflog", "show", "--format=%H", "refs/rigor/log"], in: folder.url)
    #expect(reflog.standardOutput == "\(result)\n\(registration.commit)\n")
  }

  @Test func refreshReplacesTheWorkingFolderWithTheCommitsFiles() throws {
    let folder = try StoreTemporaryFolder()
    let store = ResultStore(repository: try makeStoreProjectRepository(in: folder))
    let registration = try store.register(notebook: "w", notebookPath: "w.md", files: [:], message: "r")
    let files: [String: Data] = ["result.json": Data(storeText: "{}"), "seeds/0/steps/1.txt": Data(storeText: "one"), "report.html": Data(storeText: "<html>")]
    let result = try store.record(registration, files: files, message: "m", trailers: [])
    let results = folder.url.appendingPathComponent("Results")
    let target = results.appendingPathComponent("w")
    try folder.write("stale", to: "Results/w/old.txt")
    try folder.write("other notebook", to: "Results/other/result.json")
    // A staging copy a killed refresh left an hour ago is cleaned up; a fresh one is not touched.
    try folder.write("half", to: "Results/.w.rigor-99999-abcdef0/result.json")
    try FileManager.default.setAttributes(
      [.modificationDate: Date().addingTimeInterval(-3600)],
      ofItemAtPath: results.appendingPathComponent(".w.rigor-99999-abcdef0").path)
    try folder.write("in progress", to: "Results/.w.rigor-88888-abcdef0/result.json")

    try store.refreshWorkingFolder(name: "w", from: result, into: target)
    var found: [String: Data] = [:]
    let enumerator = FileManager.default.enumerator(at: target, includingPropertiesForKeys: [.isRegularFileKey])!
    for case let file as URL in enumerator where (try file.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true {
      found[String(file.resolvingSymlinksInPath().path.dropFirst(target.resolvingSymlinksInPath().path.count + 1))] = try Data(contentsOf: file)
    }
    #expect(found == files)
    // Only the notebooks' folders and the live refresh's copy remain: no staging or old copies.
    #expect(try FileManager.default.contentsOfDirectory(atPath: results.path).sorted() == [".w.rigor-88888-abcdef0", "other", "w"])

    // A first refresh, into a folder that does not exist yet, works too.
    let fresh = results.appendingPathComponent("nested/new")
    try store.refreshWorkingFolder(name: "nested/new", from: result, into: fresh)
    #expect(try Data(contentsOf: fresh.appendingPathComponent("seeds/0/steps/1.txt")) == Data(storeText: "one"))
  }

  @Test func concurrentRefreshesLeaveOneCompleteFolder() throws {
    let folder = try StoreTemporaryFolder()
    let store = ResultStore(repository: try makeStoreProjectRepository(in: folder))
    var fileSets: [ObjectID: [String: Data]] = [:]
    for run in 0..<4 {
      let registration = try store.register(notebook: "c", notebookPath: "c.md", files: [:], message: "r")
      let files = (0..<5).reduce(into: [String: Data]()) { $0["seeds/\($1)/out.txt"] = Data(storeText: "run \(run) seed \($1)") }
      fileSets[try store.record(registration, files: files, message: "m", trailers: [])] = files
    }
    let target = folder.url.appendingPathComponent("Results/c")
    let url = folder.url
    let errors = StoreCollected<String>()
    let group = DispatchGroup()
    for commit in fileSets.keys {
      group.enter()
      Thread {
        defer { group.leave() }
        do {
          let own = ResultStore(repository: try GitRepository.open(at: url))
          for _ in 0..<5 { try own.refreshWorkingFolder(name: "c", from: commit, into: target) }
        } catch {
          errors.append("\(error)")
        }
      }.start()
    }
    group.wait()
    #expect(errors.all.isEmpty, "\(errors.all)")
    var found: [String: Data] = [:]
    for seed in try FileManager.default.contentsOfDirectory(atPath: target.appendingPathComponent("seeds").path) {
      let file = "seeds/\(seed)/out.txt"
      found[file] = try Data(contentsOf: target.appendingPathComponent(file))
    }
    #expect(fileSets.values.contains(found), "the folder mixes runs: \(found.mapValues { String(decoding: $0, as: UTF8.self) })")
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: target.deletingLastPathComponent().path)
    #expect(leftovers == ["c"])
  }

  @Test func worksInARepositoryCreatedForInitWithNoCommits() throws {
    let folder = try StoreTemporaryFolder()
    let store = ResultStore(repository: try GitRepository.create(at: folder.url))
    #expect(try store.sourceState().commit == nil)
    let registration = try store.register(notebook: "first", notebookPath: "first.md", files: [:], message: "r")
    let result = try store.record(registration, files: ["result.json": Data(storeText: "{}")], message: "m", trailers: [])
    #expect(try store.history(name: "first").map(\.commit) == [result, registration.commit])
    // HEAD is still unborn: the user's first commit is theirs to make.
    #expect(try store.repository.headCommit() == nil)
    #expect(try storeGit(["rev-parse", "--verify", "-q", "HEAD"], in: folder.url).status != 0)
  }
}
