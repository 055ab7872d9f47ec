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

  /// Where the newest result was read from: the notebook's ref, or the shipped
  /// `Results/NAME/` when the ref is absent.
  enum Newest {
    case recorded(RecordedRun, RunDocument)
    case shipped(ShippedResult)

    var document: RunDocument {
      switch self {
      case .recorded(_, let document): document
      case .shipped(let shipped): shipped.document
      }
    }
  }

  /// The newest recorded result, else the shipped one when this clone has no runs of the
  /// notebook at all; a usage error (exit 2) saying how to get one when there is neither.
  func newestOrShipped(console: Console, notebookArgument: String) throws -> Newest {
    if let (run, document) = try newest() { return .recorded(run, document) }
    if try !hasRecordedRuns(), let shipped = ShippedResult.read(root: workspace.root, name: name) {
      console.err(shipped.note(name: name))
      return .shipped(shipped)
    }
    throw Self.noResult(notebookArgument, name: name)
  }

  /// Whether the notebook's ref holds any run (a result or a registration).
  func hasRecordedRuns() throws -> Bool {
    var any = false
    try store.forEachRecordedRun(name: name) { _ in
      any = true
      return false
    }
    return any
  }

  /// "No recorded result" is the user's to fix, not a store failure: say how.
  static func noResult(_ notebook: String, name: String) -> CommandFailure {
    CommandFailure(
      .usage,
      "\(notebook) has no recorded result on refs/rigor/\(name) and no Results/\(name)/result.json; "
        + "record one with `rigor run \(notebook)`, or fetch shared results with `rigor pull REMOTE`")
  }

  /// The run's `result.json`, nil when the commit has none; throws ``UnreadableResult`` with the
  /// reason when it does not decode (a damaged or forged result is never read as a verdict).
  static func document(of run: RecordedRun) throws -> RunDocument? {
    guard let data = try run.readFile("result.json") else { return nil }
    var document = try decodeDocument(data, commit: run.commit)
    document.resultCommit = run.commit.description
    return document
  }

  /// `data` decoded as a run document, or ``UnreadableResult`` naming `commit` and the reason.
  static func decodeDocument(_ data: Data, commit: ObjectID) throws -> RunDocument {
    do {
      return try JSONOutput.decode(RunDocument.self, from: data)
    } catch {
      throw UnreadableResult(commit: commit, reason: UnreadableResult.reason(error))
    }
  }
}
