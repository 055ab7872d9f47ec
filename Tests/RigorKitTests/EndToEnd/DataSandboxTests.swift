import Foundation
import Testing

@testable import RigorKit

/// `data:` end to end: a listed repository path is readable inside bubblewrap, an unlisted one
/// is not there at all (docs/NOTEBOOK-FORMAT.md, `data`).
@Suite(.enabled(if: sandboxUsable, "bubblewrap cannot create a sandbox here"))
struct DataSandboxTests {
  /// A notebook whose one step records, for each path, 1 when it could read it and 0 when not,
  /// and how many lines the listed file has (read through `dataFile`). The other paths are
  /// absolute: data is bound at its own path.
  static func notebook(root: String) -> String {
    """
    ---
    seeds: 2
    data: [data/words.txt]
    ---

    # Data in the sandbox

    ```swift
    func readable(_ path: String) -> Double {
      (try? String(contentsOfFile: path, encoding: .utf8)) == nil ? 0 : 1
    }
    let words = try String(contentsOf: dataFile("data/words.txt"), encoding: .utf8)
    record("listed_lines", Double(words.split(separator: "\\n").count))
    record("listed_readable", readable("\(root)/data/words.txt"))
    record("sibling_readable", readable("\(root)/data/secret.txt"))
    record("notebook_readable", readable("\(root)/Notebooks/data.md"))
    // bwrap makes the folders leading to a bound path; nothing else of the repository is there.
    let entries = (try? FileManager.default.contentsOfDirectory(atPath: "\(root)")) ?? []
    record("root_entries_besides_data", Double(entries.filter { $0 != "data" }.count))
    ```
    """
  }

  @Test func aListedPathIsReadableAndTheRestOfTheRepositoryIsNot() throws {
    let repo = try ScratchRepository()
    let root = repo.root.resolvingSymlinksInPath().path
    let data = repo.root.appendingPathComponent("data")
    try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
    try "alpha\nbeta\ngamma\n".write(to: data.appendingPathComponent("words.txt"), atomically: true, encoding: .utf8)
    try "not listed\n".write(to: data.appendingPathComponent("secret.txt"), atomically: true, encoding: .utf8)
    let path = try repo.notebook("data", Self.notebook(root: root))

    let run = repo.rigor(["run", path, "--format", "json", "--no-commit"])
    #expect(run.status == 0, "\(run.stderr)")
    let document = try #require(try run.documents().first)
    #expect(document.sandbox == true)
    #expect(document.runs.map(\.status) == [.ok, .ok])
    // Outside the sandbox every one of these would be readable: the zeros are the sandbox's.
    #expect(document.metrics["listed_lines"] == [3, 3])
    #expect(document.metrics["listed_readable"] == [1, 1])
    #expect(document.metrics["sibling_readable"] == [0, 0])
    #expect(document.metrics["notebook_readable"] == [0, 0])
    #expect(document.metrics["root_entries_besides_data"] == [0, 0])
    // The listed file is provenance: sha256("alpha\nbeta\ngamma\n").
    #expect(document.data?.map(\.path) == ["data/words.txt"])
    #expect(document.data?.first?.sha256 == "4fdbc441ea7b546100e086ac1e4fc5ae6749b7314311c99db05be450eca12996")
  }

  @Test func anUnlistedPathFailsTheStepAtItsLine() throws {
    let repo = try ScratchRepository()
    let data = repo.root.appendingPathComponent("data")
    try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
    try "alpha\n".write(to: data.appendingPathComponent("words.txt"), atomically: true, encoding: .utf8)
    try "not listed\n".write(to: data.appendingPathComponent("secret.txt"), atomically: true, encoding: .utf8)
    let path = try repo.notebook("unlisted", """
      ---
      seeds: 1
      data: [data/words.txt]
      ---

      ```swift
      let secret = try dataFile("data/secret.txt")
      print(secret.path)
      ```
      """)
    let run = repo.rigor(["run", path, "--no-commit"])
    #expect(run.status == 5, "\(run.stdout)\n\(run.stderr)")
    let said = run.stdout + run.stderr
    #expect(said.contains("unlisted.md:7:"), "\(said)")
    #expect(said.contains("`data/secret.txt` is not a path the front matter's `data:` lists"), "\(said)")
  }
}
