import Foundation

extension ResultStore {
  /// Commits the run's parsed claims as its registration on `refs/rigor/NAME`, on top of the
  /// reference's current tip (none for the first run), before any seed runs.
  ///
  /// `files` becomes the commit's tree (e.g. `registration.json`, `notebook.md`). The message
  /// gets the trailers `Notebook: notebookPath`, then `trailers`, then `Rigor-Kind:
  /// registration`. If another run moves the tip meanwhile, the registration is re-made on the
  /// new tip and published again.
  public func register(
    notebook name: String, notebookPath: String, files: [String: Data], message: String,
    trailers: [(String, String)] = []
  ) throws -> Registration {
    let reference = try ResultStore.referenceName(for: name)
    let text = try ResultCommitMessage.format(
      message, trailers: [TrailerKey.notebook.with(notebookPath)] + trailers, kind: .registration)
    return try locked {
      let tree = try repository.writeTree(files: files)
      var parent: ObjectID?
      let commit = try publish(reference) { tip in
        parent = tip
        return try repository.createCommit(
          tree: tree, parents: tip.map { [$0] } ?? [], message: text, signature: signature)
      }
      return Registration(
        name: name, reference: reference, notebookPath: notebookPath, commit: commit, parent: parent)
    }
  }

  /// Commits a finished run's result folder and returns the result commit.
  ///
  /// `files` is the tree's content (`result.json`, `seeds/0/steps/1.txt`, `report.html`...).
  /// The first parent is the registration. When the tip is still the registration the
  /// reference fast-forwards; when other runs recorded meanwhile, the commit also has the new
  /// tip as second parent (a merge), so every run stays reachable. `trailers` (`Notebook`,
  /// `Notebook-Blob`, `Source-Commit`, `Source-Dirty`) follow the message, then `Rigor-Kind:
  /// result`.
  public func record(
    _ registration: Registration, files: [String: Data], message: String, trailers: [(String, String)]
  ) throws -> ObjectID {
    let text = try ResultCommitMessage.format(message, trailers: trailers, kind: .result)
    return try locked {
      let tree = try repository.writeTree(files: files)
      return try publish(registration.reference) { tip in
        var parents = [registration.commit]
        if let tip, tip != registration.commit { parents.append(tip) }
        return try repository.createCommit(tree: tree, parents: parents, message: text, signature: signature)
      }
    }
  }

  /// Makes a commit on the reference's current tip and moves the reference to it with
  /// compare-and-swap, re-reading the tip and re-making the commit until it wins.
  ///
  /// Lost races (`GIT_EMODIFIED`, `GIT_EEXISTS`, `GIT_ELOCKED`) are retried with jittered
  /// back-off; a `.lock` file older than `staleLockAge` is removed as left by a killed process.
  /// Commits made by lost attempts stay unreferenced in the object database, which is harmless.
  func publish(_ reference: String, makeCommit: (_ tip: ObjectID?) throws -> ObjectID) throws -> ObjectID {
    try compareAndSwap(reference) { try makeCommit($0) }!
  }

  /// Moves `reference` to `next(tip)` with compare-and-swap, calling `next` again on the new tip
  /// each time another writer wins; `next` returning nil (or the tip itself) means nothing to do.
  /// Returns the reference's final target.
  func compareAndSwap(_ reference: String, next: (_ tip: ObjectID?) throws -> ObjectID?) throws -> ObjectID? {
    let start = Date()
    var backoff: ReferenceRetryBackoff?
    while true {
      let tip = try repository.referenceTarget(reference)
      guard let target = try next(tip), target != tip else { return tip }
      do {
        if tip == nil { try ensureReflog(reference) }
        try FileLock.holding(writersLockFile, .shared) {
          try repository.updateReference(
            reference, to: target, expecting: tip,
            logMessage: "rigor: \(tip == nil ? "create" : "advance") \(reference)")
        }
        return target
      } catch let error as GitError where error.isLostRace {
        lostRaces += 1
        // EEXISTS with no reference to read back is a name clash (refs/rigor/a vs refs/rigor/a/b),
        // not a race: retrying cannot help.
        if error.code == -4, try repository.referenceTarget(reference) == nil {
          throw try clash(with: reference) ?? error
        }
        if error.code == -14, try removeStaleLocks(for: reference) { continue }
        if backoff == nil { backoff = ReferenceRetryBackoff(seed: target.seed) }
        let elapsed = Date().timeIntervalSince(start)
        if elapsed > contentionTimeout {
          throw ResultStoreError.contention(
            reference: reference, attempts: backoff!.attempts + 1, seconds: elapsed, lastError: error)
        }
        backoff!.pause()
      } catch let error as GitError {
        throw try clash(with: reference) ?? error
      }
    }
  }

  /// A reference whose name makes `reference` impossible (git stores `refs/rigor/a` as a file,
  /// so `refs/rigor/a/b` cannot exist beside it, and the other way round), as an error.
  private func clash(with reference: String) throws -> ResultStoreError? {
    var prefixes: [String] = []
    var path = reference
    while let slash = path.lastIndex(of: "/"), path[..<slash].count > ResultStore.referencePrefix.count - 1 {
      path = String(path[..<slash])
      prefixes.append(path)
    }
    for prefix in prefixes where try repository.referenceTarget(prefix) != nil {
      return .referenceClash(reference: reference, existing: prefix)
    }
    if let below = try repository.references(matching: reference + "/*").first {
      return .referenceClash(reference: reference, existing: below.name)
    }
    return nil
  }

  private func ensureReflog(_ reference: String) throws {
    guard !referencesWithReflog.contains(reference) else { return }
    try repository.ensureReflog(reference)
    referencesWithReflog.insert(reference)
  }
}

extension ObjectID {
  /// The id's first 8 bytes, to seed per-writer jitter.
  fileprivate var seed: UInt64 {
    bytes.prefix(8).reduce(0) { $0 << 8 | UInt64($1) }
  }
}
