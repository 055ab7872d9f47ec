import Foundation
import Testing
@testable import RigorKit

/// `rigor pull` takes a remote's results only after checking them: a cloned or pulled
/// repository is untrusted data (issue 12, item 9).
@Suite("Pull validation")
struct PullValidationTests {
  private func localStore(_ folder: StoreTemporaryFolder) throws -> ResultStore {
    ResultStore(repository: try makeStoreProjectRepository(in: folder))
  }

  private func refused(_ outcomes: [(name: String, outcome: ResultStore.PullOutcome)]) -> [String: String] {
    var reasons: [String: String] = [:]
    for (name, outcome) in outcomes {
      if case .refused(let reason) = outcome { reasons[name] = reason }
    }
    return reasons
  }

  @Test(arguments: [true, false])
  func referencesAtBlobsTreesAndTagObjectsAreRefusedAndTheOthersTaken(readingDirectly: Bool) throws {
    let remote = try HostileRemote()
    let good = try remote.run(result: HostileRemote.validResult)
    try remote.setReference("refs/rigor/good", to: good)
    try remote.setReference("refs/rigor/blob", to: try remote.blob(Data("hello\n".utf8)))
    try remote.setReference("refs/rigor/tree", to: try remote.tree(files: ["result.json": HostileRemote.validResult]))
    let tag = try remote.git(
      ["mktag"], input: Data("object \(good)\ntype commit\ntag v1\ntagger T <t@example.org> 0 +0000\n\nsigned\n".utf8))
    try remote.setReference("refs/rigor/tagged", to: tag)

    let folder = try StoreTemporaryFolder()
    let store = try localStore(folder)
    let outcomes = try store.pull(from: remote.path, readingLocalRemotes: readingDirectly)
    let reasons = refused(outcomes)
    #expect(reasons["blob"]?.contains("points at a blob object") == true, "\(reasons)")
    #expect(reasons["tree"]?.contains("points at a tree object") == true, "\(reasons)")
    #expect(reasons["tagged"]?.contains("points at a tag object") == true, "\(reasons)")
    #expect(outcomes.first { $0.name == "good" }?.outcome == .created(ObjectID(hex: good)!))
    #expect(try store.notebooks().map(\.name) == ["good"])
    // Later pulls and reads still work: nothing unreadable was taken.
    #expect(try store.pull(from: remote.path, readingLocalRemotes: readingDirectly).first { $0.name == "good" }?.outcome == .upToDate)
    #expect(try store.history(name: "good").count == 2)
  }

  @Test func aResultWhoseResultJSONDoesNotDecodeIsRefusedWithTheReason() throws {
    let remote = try HostileRemote()
    try remote.setReference("refs/rigor/garbled", to: try remote.run(result: Data("{not json".utf8)))
    try remote.setReference("refs/rigor/schema", to: try remote.run(result: Data("{\"status\": 12}".utf8)))
    let noFile = try remote.commit(tree: try remote.tree(files: ["other.txt": Data()]), kind: "result")
    try remote.setReference("refs/rigor/nofile", to: noFile)

    let folder = try StoreTemporaryFolder()
    let store = try localStore(folder)
    let reasons = refused(try store.pull(from: remote.path))
    #expect(reasons["garbled"]?.contains("result.json is unreadable: result.json is not valid JSON") == true, "\(reasons)")
    #expect(reasons["schema"]?.contains("result.json is unreadable:") == true, "\(reasons)")
    #expect(reasons["nofile"]?.contains("without result.json") == true, "\(reasons)")
    #expect(try store.notebooks().isEmpty)
  }

  @Test(arguments: [true, false])
  func aMissingParentRefusesOnlyItsOwnReference(readingDirectly: Bool) throws {
    let remote = try HostileRemote()
    let good = try remote.run(result: HostileRemote.validResult)
    try remote.setReference("refs/rigor/good", to: good)
    let lost = try remote.commit(tree: try remote.tree(files: ["registration.json": Data("{\"lost\":1}".utf8)]), kind: "registration")
    let orphan = try remote.commit(tree: try remote.tree(files: ["result.json": HostileRemote.validResult]), parents: [lost], kind: "result")
    try remote.setReference("refs/rigor/broken", to: orphan)
    try remote.deleteObject(lost)

    let folder = try StoreTemporaryFolder()
    let store = try localStore(folder)
    let outcomes = try store.pull(from: remote.path, readingLocalRemotes: readingDirectly)
    let reasons = refused(outcomes)
    #expect(reasons.keys.contains("broken"), "\(outcomes)")
    if let reason = reasons["broken"] {
      #expect(reason.contains("not found") || reason.contains("incomplete"), "\(reason)")
    }
    // libgit2's local transport packs every advertised reference for any fetch, so through
    // the fetch path the good reference is refused too (with the reason); a server packs only
    // what is asked for. Reading a local remote directly takes it.
    if readingDirectly {
      #expect(outcomes.first { $0.name == "good" }?.outcome == .created(ObjectID(hex: good)!))
    } else {
      #expect(outcomes.contains { $0.name == "good" }, "\(outcomes)")
    }
    #expect(try store.repository.referenceTarget("refs/rigor/broken") == nil)
  }

  @Test func referenceNamesWithControlBidiOrLeadingDashAreRefusedByName() throws {
    let remote = try HostileRemote()
    let good = try remote.run(result: HostileRemote.validResult)
    try remote.writeReferenceFile("refs/rigor/esc\u{1B}[2Jx", to: good)
    try remote.writeReferenceFile("refs/rigor/sub/bell\u{07}", to: good)
    try remote.setReference("refs/rigor/-rf", to: good)
    try remote.setReference("refs/rigor/bidi\u{202E}txt", to: good)
    try remote.setReference("refs/rigor/fine", to: good)

    let folder = try StoreTemporaryFolder()
    let store = try localStore(folder)
    let reasons = refused(try store.pull(from: remote.path))
    #expect(reasons["esc\u{1B}[2Jx"] != nil, "\(reasons)")
    #expect(reasons["sub/bell\u{07}"] != nil, "\(reasons)")
    #expect(reasons["-rf"]?.contains("starts with '-'") == true, "\(reasons)")
    #expect(reasons["bidi\u{202E}txt"]?.contains("U+202E") == true, "\(reasons)")
    #expect(try store.notebooks().map(\.name) == ["fine"])
  }

  @Test func treesWithDotDotGitSymlinksOrOversizedFilesAreRefused() throws {
    let remote = try HostileRemote()
    let result = try remote.blob(HostileRemote.validResult)
    let payload = try remote.blob(Data("[core]\n\tfsmonitor = touch /tmp/pwned\n".utf8))
    let cases: [(String, [(mode: String, name: [UInt8], id: String)], String)] = [
      ("dotdot", [("100644", Array("result.json".utf8), result), ("100644", Array("..".utf8), payload)], "named '..'"),
      ("dotgit", [("100644", Array("result.json".utf8), result),
        ("40000", Array(".GIT".utf8), try remote.rawTree([("100644", Array("config".utf8), payload)]))], "like the .git folder"),
      ("symlink", [("100644", Array("result.json".utf8), result), ("120000", Array("figure.svg".utf8), payload)], "symbolic link"),
      ("control", [("100644", Array("result.json".utf8), result), ("100644", [0x61, 0x1B, 0x62], payload)], "control character"),
    ]
    for (name, entries, _) in cases {
      let commit = try remote.commit(tree: try remote.rawTree(entries), kind: "result")
      try remote.setReference("refs/rigor/\(name)", to: commit)
    }
    let folder = try StoreTemporaryFolder()
    let store = try localStore(folder)
    let reasons = refused(try store.pull(from: remote.path))
    for (name, _, expected) in cases {
      #expect(reasons[name]?.contains(expected) == true, "\(name): \(reasons[name] ?? "taken")")
    }
    #expect(try store.notebooks().isEmpty)
    // Nothing refused was copied into the local object database.
    #expect(!(try store.repository.objectExists(ObjectID(hex: payload)!)))
  }

  @Test func aRefusedPullLeavesLocalRunsAndAValidOneMergesThem() throws {
    let folder = try StoreTemporaryFolder()
    let store = try localStore(folder)
    let registration = try store.register(
      notebook: "shared", notebookPath: "shared.md", files: ["registration.json": Data("{}".utf8)], message: "reg")
    let local = try store.record(registration, files: ["result.json": HostileRemote.validResult], message: "run", trailers: [])

    let remote = try HostileRemote()
    try remote.setReference("refs/rigor/shared", to: try remote.run(result: Data("[]".utf8)))
    #expect(refused(try store.pull(from: remote.path))["shared"] != nil)
    #expect(try store.tip(name: "shared") == local)

    let valid = try remote.run(result: HostileRemote.validResult)
    try remote.git(["update-ref", "refs/rigor/shared", valid])
    let outcome = try store.pull(from: remote.path).first?.outcome
    guard case .merged(let merge)? = outcome else {
      Issue.record("expected a merge, got \(String(describing: outcome))")
      return
    }
    #expect(try store.repository.commit(merge).parents == [local, ObjectID(hex: valid)!])
  }

  @Test func aLocalReferenceLeftAtABlobIsReportedNotOverwritten() throws {
    let folder = try StoreTemporaryFolder()
    let store = try localStore(folder)
    let blob = try store.repository.writeBlob(Data("left by an old pull".utf8))
    try storeGit(["update-ref", "refs/rigor/stale", blob.description], in: folder.url)
    let remote = try HostileRemote()
    try remote.setReference("refs/rigor/stale", to: try remote.run(result: HostileRemote.validResult))
    let reason = refused(try store.pull(from: remote.path))["stale"]
    #expect(reason?.contains("git update-ref -d refs/rigor/stale") == true, "\(String(describing: reason))")
    #expect(try store.repository.referenceTarget("refs/rigor/stale") == blob)
  }

  @Test func theCommandListsRefusalsEscapedAndExitsSix() throws {
    let repo = try ScratchRepository()
    let remote = try HostileRemote()
    let good = try remote.run(result: HostileRemote.validResult)
    try remote.setReference("refs/rigor/good", to: good)
    try remote.setReference("refs/rigor/blob", to: try remote.blob(Data("x".utf8)))
    try remote.writeReferenceFile("refs/rigor/esc\u{1B}]8;;https:evil.example\u{07}x", to: good)
    let outcome = repo.rigor(["pull", remote.path, "--repo", repo.root.path])
    #expect(outcome.status == ExitStatus.storeFailed.rawValue, "\(outcome.stderr)")
    #expect(outcome.stdout.contains("refs/rigor/good: created"), "\(outcome.stdout)")
    #expect(outcome.stdout.contains("refs/rigor/blob: REFUSED: it points at a blob object"), "\(outcome.stdout)")
    #expect(outcome.stdout.contains("esc\\u{1b}]8;;https:evil.example\\u{7}x"), "\(outcome.stdout)")
    #expect(!(outcome.stdout + outcome.stderr).contains("\u{1B}"))
    #expect(outcome.stderr.contains("refused 2 ref(s)"), "\(outcome.stderr)")
  }
}

/// Results recorded by real runs are taken; the same result with a forged summary is not.
@Suite(.serialized) struct PullSummaryTests {
  @Test func aRecordedRunIsTakenAndItsForgedTwinRefused() throws {
    let origin = try ScratchRepository()
    let path = try origin.notebook("probe", """
      ---
      seeds: 2
      ---

      # Probe

      ```swift
      record("score", 0.5 + Double(seed) * 0.01)
      ```

      ```claim
      id: above-zero
      says: The score is above zero.
      metric: score
      expect: "> 0"
      ```
      """)
    let run = origin.rigor(["run", path, "--no-sandbox"])
    #expect(run.status == 0, "\(run.stderr)")

    let folder = try StoreTemporaryFolder()
    let store = ResultStore(repository: try makeStoreProjectRepository(in: folder))
    let taken = try store.pull(from: origin.root.path)
    #expect(taken.map(\.name) == ["probe"])
    guard case .created? = taken.first?.outcome else {
      Issue.record("a real run was not taken: \(taken)")
      return
    }

    // The same tree and parents, with the claim's tier raised in the message only.
    let tip = try #require(try store.tip(name: "probe"))
    let commit = try store.repository.commit(tip)
    let tierLine = try #require(commit.message.split(separator: "\n").first { $0.hasPrefix("Rigor-Tier: above-zero ") })
    let forgedMessage = commit.message.replacingOccurrences(of: String(tierLine), with: "Rigor-Tier: above-zero 5 supported")
    #expect(forgedMessage != commit.message)
    let forged = try origin.git(["commit-tree", commit.tree.description] + commit.parents.flatMap { ["-p", $0.description] } + ["-m", forgedMessage])
    let forgedID = forged.output.trimmingCharacters(in: .whitespacesAndNewlines)
    _ = try origin.git(["update-ref", "refs/rigor/forged", forgedID])
    let outcomes = try store.pull(from: origin.root.path)
    let reason = outcomes.first { $0.name == "forged" }.flatMap { outcome -> String? in
      if case .refused(let why) = outcome.outcome { return why }
      return nil
    }
    #expect(reason?.contains("summary trailers disagree with its result.json") == true, "\(outcomes)")
    #expect(try store.tip(name: "forged") == nil)
  }
}
