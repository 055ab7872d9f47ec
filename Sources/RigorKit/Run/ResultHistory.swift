import Foundation

/// A notebook's recorded results read back from its ref, for `log`, `show`, `diff` and `verify`.
struct ResultHistory {
  var workspace: Workspace
  var store: ResultStore
  var name: String

  /// Opens the history of the notebook at `path` (a file, or a NAME like `examples/tier2`).
  static func open(notebook path: String) throws -> ResultHistory {
    let url = URL(fileURLWithPath: path)
    let workspace = try Workspace.locate(notebook: url.standardizedFileURL, needsStore: true, initialize: false)
    guard let store = workspace.store else { throw CommandFailure(.storeFailed, "no result store") }
    let relative = workspace.relativePath(url)
    let name = Notebook.name(forRepositoryPath: relative)
    return ResultHistory(workspace: workspace, store: store, name: name)
  }

  /// Opens the repository around the current folder, for commands that take only a revision.
  static func openHere(_ option: RepositoryOption) throws -> (Workspace, ResultStore) {
    let here = URL(fileURLWithPath: option.path ?? FileManager.default.currentDirectoryPath)
    let workspace = try Workspace.locate(notebook: here.appendingPathComponent("."), needsStore: true, initialize: false)
    guard let store = workspace.store else { throw CommandFailure(.storeFailed, "no result store") }
    return (workspace, store)
  }

  /// Recorded runs, newest first (results and interrupted registrations), at most `limit`;
  /// commits after the last one listed are not parsed.
  func runs(limit: Int? = nil) throws -> [RecordedRun] {
    var runs: [RecordedRun] = []
    if let limit, limit <= 0 { return runs }
    try store.forEachRecordedRun(name: name) { run in
      guard run.kind == .result || run.isInterrupted else { return true }
      runs.append(run)
      return limit.map { runs.count < $0 } ?? true
    }
    return runs
  }

  /// The newest result, or nil when the notebook was never run with a commit.
  func newest() throws -> (RecordedRun, RunDocument)? {
    var newest: (RecordedRun, RunDocument)?
    try store.forEachRecordedRun(name: name) { run in
      guard run.kind == .result, let document = try Self.document(of: run) else { return true }
      newest = (run, document)
      return false
    }
    return newest
  }

  static func document(of run: RecordedRun) throws -> RunDocument? {
    guard let data = try run.readFile("result.json") else { return nil }
    var document = try JSONOutput.decode(RunDocument.self, from: data)
    document.resultCommit = run.commit.description
    return document
  }
}
