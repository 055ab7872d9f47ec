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
  /// While the history is one line from the tip (each commit has one parent, as when runs do not
  /// overlap), the order is known without reading further: every other commit is an ancestor
  /// of the next parent, so that parent is the only commit that can come next in any
  /// topological order, and its one child is the commit just visited (so pairing is exact too).
  /// Only at the first merge does ordering need the whole graph: libgit2 then reads every commit
  /// of the reference (Benchmarks/history/README.md) and the walk goes on in its topological
  /// order, skipping the commits already visited. Either way only the commits visited are
  /// copied out of libgit2 and have their trailers parsed.
  public func forEachRecordedRun(name: String, _ visit: (RecordedRun) throws -> Bool) throws {
    let reference = try ResultStore.referenceName(for: name)
    try locked {
      guard let tip = try repository.referenceTarget(reference) else { return }
      var resultByRegistration: [ObjectID: ObjectID] = [:]
      func pairAndVisit(_ id: ObjectID) throws -> (run: RecordedRun, goOn: Bool) {
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
        return (run, try visit(run))
      }
      // The single line from the tip, one commit at a time.
      var visited: Set<ObjectID> = []
      var next = tip
      while true {
        let (run, goOn) = try pairAndVisit(next)
        guard goOn else { return }
        visited.insert(next)
        if run.parents.isEmpty { return }
        if run.parents.count > 1 { break }
        next = run.parents[0]
      }
      // Past the first merge: libgit2's topological order of the whole graph.
      try repository.walk(from: [tip]) { id in
        if visited.contains(id) { return true }
        return try pairAndVisit(id).goOn
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
