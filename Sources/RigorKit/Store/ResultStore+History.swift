import Foundation

extension ResultStore {
  /// The notebook's recorded commits, newest first (children before parents, ties by time), at
  /// most `limit` of them; empty before the notebook's first run.
  ///
  /// Registrations completed by a result say so in `result`; a registration no result takes as
  /// its first parent is an interrupted run (`isInterrupted`). A result always comes before its
  /// registration in this order, so a `limit` never hides the result of a listed registration.
  /// A run still going in another process also looks interrupted until it records; its
  /// registration's `date` tells how long ago it started.
  public func history(name: String, limit: Int? = nil) throws -> [RecordedRun] {
    var runs: [RecordedRun] = []
    if let limit, limit <= 0 { return runs }
    try forEachRecordedRun(name: name) { run in
      runs.append(run)
      return limit.map { runs.count < $0 } ?? true
    }
    return runs
  }

  /// Calls `visit` with the notebook's recorded commits in `history`'s order, paired as
  /// `history` pairs them, until `visit` returns false.
  ///
  /// Ordering needs the whole graph, so libgit2 reads every commit of the reference before the
  /// first visit (most of what `rigor log --limit 20` costs beyond process start-up, less when
  /// the commits are packed: Benchmarks/history/README.md); only the commits visited are
  /// copied out of libgit2 and have their trailers parsed.
  public func forEachRecordedRun(name: String, _ visit: (RecordedRun) throws -> Bool) throws {
    let reference = try ResultStore.referenceName(for: name)
    try locked {
      guard let tip = try repository.referenceTarget(reference) else { return }
      var resultByRegistration: [ObjectID: ObjectID] = [:]
      try repository.walk(from: [tip]) { id in
        var run = try recordedRun(id)
        switch run.kind {
        case .result:
          run.registration = run.parents.first
          // Walking newest first, the first result seen for a registration is the newest one.
          if let registration = run.parents.first, resultByRegistration[registration] == nil {
            resultByRegistration[registration] = id
          }
        case .registration:
          run.result = resultByRegistration[id]
        case .merge, .other:
          break
        }
        return try visit(run)
      }
    }
  }

  /// The newest result commit of the notebook (failed runs included), nil when none exists.
  ///
  /// Walks by commit time and stops at the first result, so it reads only the newest few
  /// commits instead of the whole history.
  public func latestResult(name: String) throws -> RecordedRun? {
    let reference = try ResultStore.referenceName(for: name)
    return try locked {
      guard let tip = try repository.referenceTarget(reference) else { return nil }
      var found: RecordedRun?
      try repository.walk(from: [tip], order: .time) { id in
        let run = try recordedRun(id)
        if run.kind == .result { found = run }
        return found == nil
      }
      if var found {
        found.registration = found.parents.first
        return found
      }
      return nil
    }
  }

  func recordedRun(_ id: ObjectID) throws -> RecordedRun {
    let commit = try repository.commitHeader(id)
    let trailers = CommitTrailer.parse(message: commit.message)
    return RecordedRun(
      commit: id, parents: commit.parents, tree: commit.tree, date: commit.date,
      message: commit.message, trailers: trailers,
      kind: ResultStore.kind(parentCount: commit.parents.count, trailers: trailers),
      registration: nil, result: nil, store: self)
  }

  private static func kind(parentCount: Int, trailers: [CommitTrailer]) -> RecordedRun.Kind {
    let value = trailers.last { CommitTrailer.keysMatch($0.key, ResultCommitMessage.kindKey) }?.value
    if let value, let kind = RecordedRun.Kind(rawValue: value) { return kind }
    return parentCount > 1 ? .merge : .other
  }
}
