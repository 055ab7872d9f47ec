import Foundation
import Testing
@testable import RigorKit

@Suite("ResultStore push and pull")
struct StoreSharingTests {
  private func recordRun(_ store: ResultStore, _ label: String) throws -> ObjectID {
    let registration = try store.register(notebook: "shared", notebookPath: "shared.md", files: ["r": Data(storeText: label)], message: "reg \(label)")
    // A real run document: `pull` refuses results whose result.json does not decode.
    return try store.record(registration, files: ["result.json": HostileRemote.validResult, "label": Data(storeText: label)], message: "run \(label)", trailers: [])
  }

  private func reachable(_ reference: String, in folder: URL) throws -> Set<String> {
    Set(try storeGit(["rev-list", reference], in: folder).standardOutput.split(separator: "\n").map(String.init))
  }

  @Test func divergedHistoriesAreMergedAndPushRejectionsReported() throws {
    let remoteFolder = try StoreTemporaryFolder()
    _ = try GitRepository.create(at: remoteFolder.url, bare: true)
    let aliceFolder = try StoreTemporaryFolder()
    let bobFolder = try StoreTemporaryFolder()
    let alice = ResultStore(repository: try makeStoreProjectRepository(in: aliceFolder))
    let bob = ResultStore(repository: try makeStoreProjectRepository(in: bobFolder))
    let remote = remoteFolder.url.path

    // The user's own FETCH_HEAD (from a `git fetch` of their branch) must survive pulls.
    let fetchHead = bobFolder.url.appendingPathComponent(".git/FETCH_HEAD")
    let usersFetchHead = Data(storeText: "0123456789012345678901234567890123456789\t\tbranch 'main' of elsewhere\n")
    try usersFetchHead.write(to: fetchHead)
    let first = try recordRun(alice, "a1")
    #expect(try alice.push(to: remote) == ["shared"])
    let created = try bob.pull(from: remote)
    #expect(created.map(\.name) == ["shared"])
    #expect(created.first?.outcome == .created(first))

    let aliceRun = try recordRun(alice, "a2")
    let bobRun = try recordRun(bob, "b1")
    try alice.push(to: remote)

    // Bob's push would drop Alice's run: it is refused, loudly.
    let refused = #expect(throws: ResultStoreError.self) { try bob.push(to: remote) }
    guard case .pushRejected(_, let rejections)? = refused else {
      Issue.record("expected a rejection, got \(String(describing: refused))")
      return
    }
    #expect(rejections.map(\.reference) == ["refs/rigor/shared"])
    #expect(trimmedRevParse("refs/rigor/shared", in: remoteFolder.url) == aliceRun.description)

    let merged = try bob.pull(from: remote)
    guard case .merged(let merge)? = merged.first?.outcome else {
      Issue.record("expected a merge, got \(merged)")
      return
    }
    let mergeCommit = try bob.repository.commit(merge)
    #expect(mergeCommit.parents == [bobRun, aliceRun])
    #expect(try bob.history(name: "shared").first?.kind == .merge)
    try bob.push(to: remote)

    let forward = try alice.pull(from: remote)
    #expect(forward.first?.outcome == .fastForwarded(merge))
    #expect(try alice.pull(from: remote).first?.outcome == .upToDate)

    let everything = Set([first, aliceRun, bobRun, merge].map(\.description))
    for folder in [aliceFolder.url, bobFolder.url, remoteFolder.url] {
      #expect(try reachable("refs/rigor/shared", in: folder).isSuperset(of: everything))
      let fsck = try storeGit(["fsck", "--strict", "--no-progress"], in: folder)
      #expect(fsck.status == 0, "\(fsck.standardError)")
    }
    // The fetch's staging references are gone and FETCH_HEAD is the user's.
    #expect(try storeGit(["for-each-ref", "refs/rigor-fetch"], in: bobFolder.url).standardOutput.isEmpty)
    #expect(try Data(contentsOf: fetchHead) == usersFetchHead)
  }

  @Test func pushToAMissingRemoteFailsWithLibgit2sMessage() throws {
    let folder = try StoreTemporaryFolder()
    let store = ResultStore(repository: try makeStoreProjectRepository(in: folder))
    _ = try recordRun(store, "x")
    let error = #expect(throws: GitError.self) { try store.push(to: folder.url.appendingPathComponent("nowhere").path) }
    #expect(error?.message.isEmpty == false)
    #expect(error?.operation.contains("nowhere") == true)
  }

  private func trimmedRevParse(_ reference: String, in folder: URL) -> String {
    ((try? storeGit(["rev-parse", reference], in: folder))?.standardOutput ?? "")
      .trimmingCharacters(in: .whitespacesAndNewlines)
  }
}
