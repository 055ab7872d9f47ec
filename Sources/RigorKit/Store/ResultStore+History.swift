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
  ///
  /// Ordering needs the whole graph, so even with a `limit` every commit of the reference is
  /// walked (about 70 ms for 1,000 runs, Benchmarks/store/README.md); `latestResult` does not.
  public func history(name: String, limit: Int? = nil) throws -> [RecordedRun] {
    let reference = try ResultStore.referenceName(for: name)
    return try locked {
      guard let tip = try repository.referenceTarget(reference) else { return [] }
      var runs: [RecordedRun] = []
      var resultByRegistration: [ObjectID: ObjectID] = [:]
      for id in try repository.walk(from: [tip], limit: limit) {
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
        runs.append(run)
      }
      return runs
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
    let commit = try repository.commit(id)
    let trailers = commit.trailers
    return RecordedRun(
      commit: id, parents: commit.parents, tree: commit.tree, date: commit.committer.date,
      message: commit.message, trailers: trailers, kind: ResultStore.kind(of: commit, trailers: trailers),
      registration: nil, result: nil, store: self)
  }

  private static func kind(of commit: GitCommit, trailers: [CommitTrailer]) -> RecordedRun.Kind {
    let value = trailers.last { $0.key.caseInsensitiveCompare(ResultCommitMessage.kindKey) == .orderedSame }?.value
    if let value, let kind = RecordedRun.Kind(rawValue: value) { return kind }
    return commit.parents.count > 1 ? .merge : .other
  }
}
