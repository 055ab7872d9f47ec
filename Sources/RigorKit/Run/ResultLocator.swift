import Foundation

/// Resolves what a user names (a result commit, a source commit, a notebook) to a recorded result.
///
/// A revision that is itself a result commit is taken as is. Any other revision is read as a
/// source commit: the newest result recorded with `Source-Commit:` equal to it, in the named
/// notebook's history or, without `--notebook`, in every notebook's.
struct ResultLocator {
  var store: ResultStore

  /// The result's document, and its recorded run when the history was walked to find it.
  func locate(_ revision: String?, notebook name: String?) throws -> (RecordedRun?, RunDocument) {
    let names = try name.map { [$0] } ?? store.notebooks().map(\.name)
    guard let revision else {
      guard let name else {
        throw CommandFailure(.usage, "name a revision or a notebook (--notebook NAME)")
      }
      guard let found = try newest(in: [name], where: { _ in true }) else {
        throw CommandFailure(
          .usage,
          "no recorded result for \(name) on refs/rigor/\(name); record one with `rigor run`, or fetch shared results with `rigor pull REMOTE`")
      }
      return found
    }
    let id: ObjectID
    do { id = try store.resolve(revision) } catch {
      throw CommandFailure(.usage, "cannot resolve `\(revision)`: \(error)")
    }
    // A result commit names itself: read it directly instead of walking every history.
    if let data = try store.readFile("result.json", in: id),
      case var document = try ResultHistory.decodeDocument(data, commit: id),
      names.contains(Notebook.name(forRepositoryPath: document.notebook))
    {
      document.resultCommit = id.description
      return (nil, document)
    }
    if let found = try newest(in: names, where: { $0.trailer(.sourceCommit) == id.description }) {
      return found
    }
    throw CommandFailure(
      .storeFailed,
      "`\(revision)` (\(id.description.prefix(12))) is neither a recorded result nor a source commit with one"
        + (name.map { " for \($0)" } ?? ""))
  }

  private func newest(in names: [String], where matches: (RecordedRun) -> Bool) throws -> (RecordedRun?, RunDocument)? {
    var best: (RecordedRun, RunDocument)?
    for name in names {
      // Stops at the first match: later commits' messages are never parsed.
      try store.forEachRecordedRun(name: name) { run in
        guard run.kind == .result && matches(run) else { return true }
        if let document = try ResultHistory.document(of: run), best.map({ run.date > $0.0.date }) ?? true {
          best = (run, document)
        }
        return false
      }
    }
    return best.map { ($0.0, $0.1) }
  }
}
