import Foundation
import Testing
@testable import RigorKit

@Suite("GitRepository diff")
struct StoreGitDiffTests {
  @Test func changedFilesMatchGitDiffNameStatus() throws {
    let folder = try StoreTemporaryFolder()
    let repository = try makeStoreProjectRepository(in: folder)
    let before = try repository.createCommit(
      tree: try repository.writeTree(files: ["result.json": Data(storeText: "1"), "seeds/0/a.txt": Data(storeText: "a"), "gone.txt": Data(storeText: "x")]),
      parents: [], message: "before\n")
    let after = try repository.createCommit(
      tree: try repository.writeTree(files: ["result.json": Data(storeText: "2"), "seeds/0/a.txt": Data(storeText: "a"), "seeds/1/b.txt": Data(storeText: "b")]),
      parents: [before], message: "after\n")

    let changes = try repository.changedFiles(from: before, to: after)
    let git = try storeGit(["diff", "--name-status", before.description, after.description], in: folder.url)
    let expected = git.standardOutput.split(separator: "\n").map { line -> String in
      let parts = line.split(separator: "\t")
      return "\(parts[0]) \(parts[1])"
    }.sorted { $0.dropFirst(2) < $1.dropFirst(2) }
    let letters: [GitFileChange.Kind: String] = [.added: "A", .deleted: "D", .modified: "M"]
    #expect(changes.map { "\(letters[$0.kind]!) \($0.path)" } == expected)
    let modified = changes.first { $0.path == "result.json" }
    #expect(modified?.oldBlob == (try GitRepository.blobID(for: Data(storeText: "1"))))
    #expect(modified?.newBlob == (try GitRepository.blobID(for: Data(storeText: "2"))))
    #expect(try repository.changedFiles(from: nil, to: before).map(\.kind) == [.added, .added, .added])
  }
}
