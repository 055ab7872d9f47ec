import CLibGit2
import Foundation
import Testing
@testable import RigorKit

@Suite("GitRepository")
struct StoreGitRepositoryTests {
  @Test func nestedTreeIsReadableByGit() throws {
    let folder = try StoreTemporaryFolder()
    let repository = try makeStoreProjectRepository(in: folder)
    let files: [String: Data] = [
      "result.json": Data(storeText: "{\"schema\":1}\n"),
      "seeds/0/steps/1.txt": Data(storeText: "hello\n"),
      "seeds/1/figures/loss.svg": Data(storeText: "<svg/>"),
      "empty.txt": Data(),
    ]
    let tree = try repository.writeTree(files: files)
    let commit = try repository.createCommit(tree: tree, parents: [], message: "Results\n")
    try repository.updateReference("refs/rigor/t", to: commit, expecting: nil, logMessage: "test")

    let listing = try storeGit(["ls-tree", "-r", "--name-only", "refs/rigor/t"], in: folder.url)
    #expect(listing.standardOutput.split(separator: "\n").map(String.init).sorted() == files.keys.sorted())
    let step = try storeGit(["cat-file", "blob", "refs/rigor/t:seeds/0/steps/1.txt"], in: folder.url)
    #expect(step.standardOutput == "hello\n")
    let treeID = try storeGit(["rev-parse", "refs/rigor/t^{tree}"], in: folder.url)
    #expect(treeID.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines) == tree.description)
    let fsck = try storeGit(["fsck", "--strict", "--no-progress"], in: folder.url)
    #expect(fsck.status == 0, "\(fsck.standardError)")
  }

  @Test func filesReadBackAsWritten() throws {
    let folder = try StoreTemporaryFolder()
    let repository = try makeStoreProjectRepository(in: folder)
    let files: [String: Data] = ["a.txt": Data(storeText: "A"), "b/c/d.bin": Data([0, 255, 10])]
    let commit = try repository.createCommit(
      tree: try repository.writeTree(files: files), parents: [], message: "x\n")
    #expect(try repository.files(inCommit: commit) == files)
    #expect(try repository.readFile(at: "b/c/d.bin", inCommit: commit) == Data([0, 255, 10]))
    #expect(try repository.readFile(at: "missing.txt", inCommit: commit) == nil)
    #expect(try repository.readFile(at: "b/c", inCommit: commit) == nil)
  }

  @Test func blobIDMatchesGitHashObject() throws {
    let folder = try StoreTemporaryFolder()
    let content = Data(storeText: "# A notebook\n\n```swift\nlet x = 1\n```\n")
    let expected = try storeGit(["hash-object", "--stdin"], in: folder.url, input: content)
    #expect(try GitRepository.blobID(for: content).description == expected.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines))
  }

  @Test(arguments: ["a//b.txt", "../x", "/abs", "trailing/", ".git/config", "a/./b", "sub/.GIT/x"])
  func unsafePathsAreRejected(path: String) throws {
    let folder = try StoreTemporaryFolder()
    let repository = try makeStoreProjectRepository(in: folder)
    let error = #expect(throws: GitError.self) { try repository.writeTree(files: [path: Data(storeText: "x")]) }
    #expect(error?.message.contains(path) == true)
  }

  @Test func fileAndFolderWithTheSameNameIsRejected() throws {
    let folder = try StoreTemporaryFolder()
    let repository = try makeStoreProjectRepository(in: folder)
    let error = #expect(throws: GitError.self) {
      try repository.writeTree(files: ["seeds": Data(storeText: "x"), "seeds/0/a.txt": Data(storeText: "y")])
    }
    #expect(error?.message.contains("both a file and a folder") == true)
  }

  @Test func discoverFindsTheRepositoryFromASubfolder() throws {
    let folder = try StoreTemporaryFolder()
    _ = try makeStoreProjectRepository(in: folder)
    let found = try GitRepository.discover(from: folder.url.appendingPathComponent("Notebooks"))
    #expect(found.workDirectory?.standardizedFileURL.path == folder.url.standardizedFileURL.path)
    #expect(!found.isBare)
  }

  @Test func discoverAcceptsAFilePath() throws {
    let folder = try StoreTemporaryFolder()
    _ = try makeStoreProjectRepository(in: folder)
    let found = try GitRepository.discover(from: folder.url.appendingPathComponent("Notebooks/quickstart.md"))
    #expect(found.workDirectory?.standardizedFileURL.path == folder.url.standardizedFileURL.path)
  }

  @Test func discoverOutsideARepositorySaysSo() throws {
    let folder = try StoreTemporaryFolder()
    let error = #expect(throws: GitError.self) { try GitRepository.discover(from: folder.url) }
    #expect(error?.code == GIT_ENOTFOUND.rawValue)
    #expect(error?.description.contains("not inside a git repository") == true)
  }

  @Test func createMakesARepositoryGitRecognises() throws {
    let folder = try StoreTemporaryFolder()
    let repository = try GitRepository.create(at: folder.url)
    #expect(try repository.headCommit() == nil)
    let inside = try storeGit(["rev-parse", "--is-inside-work-tree"], in: folder.url)
    #expect(inside.standardOutput.hasPrefix("true"))
  }

  @Test func referenceUpdateIsACompareAndSwap() throws {
    let folder = try StoreTemporaryFolder()
    let repository = try makeStoreProjectRepository(in: folder)
    let tree = try repository.writeTree(files: ["a": Data(storeText: "1")])
    let first = try repository.createCommit(tree: tree, parents: [], message: "one\n")
    let second = try repository.createCommit(tree: tree, parents: [first], message: "two\n")
    let third = try repository.createCommit(tree: tree, parents: [first], message: "three\n")
    try repository.updateReference("refs/rigor/cas", to: first, expecting: nil, logMessage: "create")

    let exists = #expect(throws: GitError.self) {
      try repository.updateReference("refs/rigor/cas", to: second, expecting: nil, logMessage: "again")
    }
    #expect(exists?.code == GIT_EMODIFIED.rawValue && exists?.isLostRace == true)

    try repository.updateReference("refs/rigor/cas", to: second, expecting: first, logMessage: "advance")
    let stale = #expect(throws: GitError.self) {
      try repository.updateReference("refs/rigor/cas", to: third, expecting: first, logMessage: "stale")
    }
    #expect(stale?.code == GIT_EMODIFIED.rawValue && stale?.isLostRace == true)
    #expect(stale?.message.isEmpty == false)
    #expect(try repository.referenceTarget("refs/rigor/cas") == second)
    #expect(try repository.referenceTarget("refs/rigor/absent") == nil)
  }

  @Test func resolveUnderstandsRevisionExpressions() throws {
    let folder = try StoreTemporaryFolder()
    let repository = try makeStoreProjectRepository(in: folder)
    let tree = try repository.writeTree(files: ["a": Data(storeText: "1")])
    let first = try repository.createCommit(tree: tree, parents: [], message: "one\n")
    let second = try repository.createCommit(tree: tree, parents: [first], message: "two\n")
    try repository.updateReference("refs/rigor/r", to: second, expecting: nil, logMessage: "create")
    #expect(try repository.resolve("refs/rigor/r") == second)
    #expect(try repository.resolve("refs/rigor/r~1") == first)
    #expect(try repository.resolve(String(first.description.prefix(10))) == first)
    let head = try storeGit(["rev-parse", "HEAD"], in: folder.url).standardOutput
    #expect(try repository.resolve("HEAD").description == head.trimmingCharacters(in: .whitespacesAndNewlines))
    #expect(try repository.walk(from: [second]) == [second, first])
    #expect(try repository.isAncestor(first, of: second))
    #expect(try !repository.isAncestor(second, of: first))
  }

  @Test func unknownRevisionCarriesLibgit2sMessage() throws {
    let folder = try StoreTemporaryFolder()
    let repository = try makeStoreProjectRepository(in: folder)
    let error = #expect(throws: GitError.self) { try repository.resolve("refs/rigor/nothing~3") }
    #expect(error?.code == GIT_ENOTFOUND.rawValue)
    #expect(error?.errorClass != 0)
    #expect(error?.message.contains("refs/rigor/nothing") == true)
    #expect(error?.description.contains("could not resolve 'refs/rigor/nothing~3'") == true)
  }

  @Test func readsCommitMetadataAndTrailers() throws {
    let folder = try StoreTemporaryFolder()
    let repository = try makeStoreProjectRepository(in: folder)
    let tree = try repository.writeTree(files: ["a": Data(storeText: "1")])
    let signature = GitSignature(
      name: "Ada", email: "ada@example.org", date: Date(timeIntervalSince1970: 1_700_000_000),
      timeZoneOffsetMinutes: 60)
    let id = try repository.createCommit(
      tree: tree, parents: [], message: "Subject\n\nBody line\n\nNotebook: Notebooks/q.md\nSource-Dirty: false\n",
      signature: signature)
    let commit = try repository.commit(id)
    #expect(commit.tree == tree)
    #expect(commit.parents.isEmpty)
    #expect(commit.summary == "Subject")
    #expect(commit.author == signature)
    #expect(commit.trailers == [
      CommitTrailer(key: "Notebook", value: "Notebooks/q.md"), CommitTrailer(key: "Source-Dirty", value: "false"),
    ])
    let gitDate = try storeGit(["log", "-1", "--format=%at %ae", id.description], in: folder.url)
    #expect(gitDate.standardOutput == "1700000000 ada@example.org\n")
  }

  @Test func headAndDirtinessIgnoreTheResultsFolder() throws {
    let folder = try StoreTemporaryFolder()
    let repository = try makeStoreProjectRepository(in: folder)
    let head = try storeGit(["rev-parse", "HEAD"], in: folder.url).standardOutput
    #expect(try repository.headCommit()?.description == head.trimmingCharacters(in: .whitespacesAndNewlines))
    #expect(try !repository.isWorkTreeDirty(excluding: ["Results/"]))

    try folder.write("{}", to: "Results/quickstart/result.json")
    #expect(try !repository.isWorkTreeDirty(excluding: ["Results/"]))
    #expect(try repository.isWorkTreeDirty(excluding: []))

    try folder.write("changed\n", to: "Notebooks/quickstart.md")
    #expect(try repository.isWorkTreeDirty(excluding: ["Results/"]))
  }

  @Test func untrackedFilesOutsideResultsMakeTheTreeDirty() throws {
    let folder = try StoreTemporaryFolder()
    let repository = try makeStoreProjectRepository(in: folder)
    try folder.write("new\n", to: "Notebooks/new.md")
    #expect(try repository.isWorkTreeDirty(excluding: ["Results/"]))
    #expect(try !repository.isWorkTreeDirty(excluding: ["Results/"], includeUntracked: false))
  }
}
