import Foundation

extension ResultStore {
  /// The notebook's recorded commits, newest first (children before parents, ties by time), at
  /// most `limit` of them; empty before the notebook's first run.
  ///
  /// Registrations completed by a result say so in `result`; a registration no result takes as
  /// its first parent is an interrupted run (`isInterrupted`). A result always comes before its
  /// registration in this order, so a `limit` never hides the result of a listed registration.
  public func history(name: String, limit: Int? = nil) throws -> [RecordedRun] {
    let reference = try ResultStore.referenceName(for: name)
    return try locked {
      guard let tip = try repository.referenceTarget(reference) else { return [] }
      var runs: [RecordedRun] = []
      var resultByRegistration: [ObjectID: ObjectID] = [:]
      for id in try repository.walk(from: [tip], limit: limit) {
        let commit = try repository.commit(id)
        let trailers = commit.trailers
        let kind = ResultStore.kind(of: commit, trailers: trailers)
        var run = RecordedRun(
          commit: id, parents: commit.parents, tree: commit.tree, date: commit.committer.date,
          message: commit.message, trailers: trailers, kind: kind, registration: nil, result: nil,
          store: self)
        switch kind {
        case .result:
          run.registration = commit.parents.first
          // Walking newest first, the first result seen for a registration is the newest one.
          if let registration = commit.parents.first, resultByRegistration[registration] == nil {
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
  public func latestResult(name: String) throws -> RecordedRun? {
    // Walk lazily in pages: registrations and merges may come before the newest result.
    var limit = 16
    while true {
      let runs = try history(name: name, limit: limit)
      if let result = runs.first(where: { $0.kind == .result }) { return result }
      if runs.count < limit { return nil }
      limit *= 4
    }
  }

  private static func kind(of commit: GitCommit, trailers: [CommitTrailer]) -> RecordedRun.Kind {
    let value = trailers.last { $0.key.caseInsensitiveCompare(CommitMessage.kindKey) == .orderedSame }?.value
    if let value, let kind = RecordedRun.Kind(rawValue: value) { return kind }
    return commit.parents.count > 1 ? .merge : .other
  }
}
