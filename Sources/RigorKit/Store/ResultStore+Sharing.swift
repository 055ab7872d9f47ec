import Foundation

extension ResultStore {
  /// What `pull` did to one notebook's reference.
  public enum PullOutcome: Hashable, Sendable {
    /// The notebook had no local runs: the reference now points to the remote's tip.
    case created(ObjectID)
    /// The local history was behind: the reference moved forward to the remote's tip.
    case fastForwarded(ObjectID)
    /// Both sides had runs the other lacked: a merge commit joins them (no rewriting).
    case merged(ObjectID)
    /// The remote had nothing new.
    case upToDate
    /// The remote's reference failed ``PulledHistoryCheck`` (the reason); nothing local changed.
    case refused(String)
  }

  /// Pushes the notebooks' references (all `refs/rigor/*` when `names` is nil) to `remote` (a
  /// path to a bare repository, or a URL) without forcing, and returns the names pushed.
  ///
  /// Every reference is pushed separately, so one refusal does not stop the others; refusals
  /// (the remote has runs this repository lacks) are thrown together afterwards as
  /// `ResultStoreError.pushRejected`, never dropped.
  @discardableResult
  public func push(to remote: String, names: [String]? = nil) throws -> [String] {
    try locked {
      let selected = try names ?? notebooks().map(\.name)
      var pushed: [String] = []
      var rejections: [GitRepository.PushRejection] = []
      for name in selected {
        let reference = try ResultStore.referenceName(for: name)
        do {
          let refused = try repository.push(["\(reference):\(reference)"], to: remote)
          if refused.isEmpty { pushed.append(name) } else { rejections += refused }
        } catch let error as GitError where error.code == -11 {  // GIT_ENONFASTFORWARD
          rejections.append(GitRepository.PushRejection(reference: reference, reason: "non-fast-forward"))
        }
      }
      if !rejections.isEmpty { throw ResultStoreError.pushRejected(remote: remote, rejections: rejections) }
      return pushed
    }
  }

  /// Fetches the notebooks' references (all when `names` is nil) from `remote` and joins them
  /// with the local ones: created, fast-forwarded, or merged with a commit whose parents are the
  /// local tip then the remote tip (tree: the local tip's), so runs recorded on both sides stay
  /// reachable and nothing is rewritten.
  ///
  /// The remote is untrusted: each reference is taken only when its name and new history pass
  /// ``PulledHistoryCheck``; the others come back as `.refused` with the reason and leave the
  /// local reference untouched. When fetching everything at once fails (a missing object, a
  /// malformed name), each reference is fetched on its own, so one bad reference does not
  /// block the rest. A remote on this machine is read directly (`readingLocalRemotes`, off only
  /// in tests of the fetch path).
  public func pull(from remote: String, names: [String]? = nil, readingLocalRemotes: Bool = true) throws
    -> [(name: String, outcome: PullOutcome)]
  {
    try locked {
      // A namespace of this process's own, so concurrent pulls never see each other's refs.
      let staging = "refs/rigor-fetch/\(getpid())/"
      func stagingName(_ name: String) -> String { staging + name }
      defer {
        for reference in (try? repository.references(matching: staging + "*")) ?? [] {
          try? repository.deleteReference(reference.name)
        }
      }
      if let names {
        for name in names { _ = try ResultStore.referenceName(for: name) }
      }
      if readingLocalRemotes, let local = Self.localRepository(at: remote) {
        return try pullLocal(from: local, remote: remote, names: names)
      }
      var outcomes: [(name: String, outcome: PullOutcome)] = []
      let wanted = names.map(Set.init)
      let refspecs = (names ?? ["*"]).map { "+\(ResultStore.referencePrefix)\($0):\(staging)\($0)" }
      do {
        try repository.fetch(refspecs, from: remote)
      } catch let error as GitError {
        // Fetch one by one (a server packs only what is asked for), refusing the names that
        // cannot be taken before touching them.
        let listed = try repository.remoteReferences(at: remote, prefix: ResultStore.referencePrefix)
          .filter { wanted?.contains(String($0.name.dropFirst(ResultStore.referencePrefix.count))) ?? true }
        if listed.isEmpty { throw error }
        for (reference, _) in listed {
          let name = String(reference.dropFirst(ResultStore.referencePrefix.count))
          if let problem = PulledHistoryCheck.checkName(name) {
            outcomes.append((name, .refused(problem)))
            continue
          }
          do {
            try repository.fetch(["+\(reference):\(stagingName(name))"], from: remote)
          } catch let error as GitError {
            outcomes.append((name, .refused("it could not be fetched: \(error.message)")))
          }
        }
      }
      var check = PulledHistoryCheck(repository: repository)
      for (fetchedName, remoteTip) in try repository.references(matching: staging + "*") {
        let name = String(fetchedName.dropFirst(staging.count))
        outcomes.append((name, try take(remoteTip, name: name, from: remote, check: &check)))
      }
      return outcomes.sorted { $0.name < $1.name }
    }
  }

  /// Pulls from a repository on this machine by reading it directly: each reference is checked
  /// in the remote's own object database, and only the objects of those that pass are copied
  /// here, so nothing refused is ever stored locally.
  private func pullLocal(from local: GitRepository, remote: String, names: [String]?) throws
    -> [(name: String, outcome: PullOutcome)]
  {
    let wanted = names.map(Set.init)
    var outcomes: [(name: String, outcome: PullOutcome)] = []
    var check = PulledHistoryCheck(repository: local)
    for (reference, remoteTip) in try local.references(matching: ResultStore.referencePrefix + "*") {
      let name = String(reference.dropFirst(ResultStore.referencePrefix.count))
      guard wanted?.contains(name) ?? true else { continue }
      if let refused = try preflight(name) {
        outcomes.append((name, refused))
        continue
      }
      let localTip = try repository.referenceTarget(ResultStore.referenceName(for: name))
      if let problem = check.check(tip: remoteTip, known: localTip) {
        outcomes.append((name, .refused(problem)))
        continue
      }
      do {
        try local.copyObjects(reachableFrom: remoteTip, hiding: localTip.map { [$0] } ?? [], into: repository)
      } catch let error as GitError {
        outcomes.append((name, .refused("its objects could not be copied: \(error.message)")))
        continue
      }
      outcomes.append((name, try integrate(remoteTip, into: name, from: remote)))
    }
    return outcomes.sorted { $0.name < $1.name }
  }

  /// A fetched reference checked by `check` and, when it passes, joined with the local one.
  private func take(_ remoteTip: ObjectID, name: String, from remote: String, check: inout PulledHistoryCheck) throws
    -> PullOutcome
  {
    if let refused = try preflight(name) { return refused }
    let localTip = try repository.referenceTarget(ResultStore.referenceName(for: name))
    if let problem = check.check(tip: remoteTip, known: localTip) { return .refused(problem) }
    return try integrate(remoteTip, into: name, from: remote)
  }

  /// `.refused` when the name cannot be taken or the local reference is not a commit (left by
  /// a pull before these checks existed); nil when the reference may be checked further.
  private func preflight(_ name: String) throws -> PullOutcome? {
    if let problem = PulledHistoryCheck.checkName(name) { return .refused(problem) }
    let reference = try ResultStore.referenceName(for: name)
    if let localTip = try repository.referenceTarget(reference) {
      let kind = try repository.objectHeader(localTip).kind
      if kind != .commit {
        return .refused(
          "the local \(reference) points at a \(kind.rawValue), not a commit; "
            + "remove it with `git update-ref -d \(reference)` and pull again")
      }
    }
    return nil
  }

  /// The repository at `remote` when it names a folder on this machine (a path or a `file://`
  /// URL), nil for a network remote.
  static func localRepository(at remote: String) -> GitRepository? {
    let path = remote.hasPrefix("file://") ? String(remote.dropFirst("file://".count)) : remote
    var isFolder: ObjCBool = false
    guard !remote.contains("://") || remote.hasPrefix("file://"),
      FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue
    else { return nil }
    return try? GitRepository.open(at: URL(fileURLWithPath: path))
  }

  private func integrate(_ remoteTip: ObjectID, into name: String, from remote: String) throws -> PullOutcome {
    let reference = try ResultStore.referenceName(for: name)
    var outcome = PullOutcome.upToDate
    let message = try ResultCommitMessage.format("Merge results of \(name) from \(remote)", trailers: [], kind: .merge)
    _ = try compareAndSwap(reference) { tip in
      guard let tip else {
        outcome = .created(remoteTip)
        return remoteTip
      }
      if try repository.isAncestor(remoteTip, of: tip) {
        outcome = .upToDate
        return nil
      }
      if try repository.isAncestor(tip, of: remoteTip) {
        outcome = .fastForwarded(remoteTip)
        return remoteTip
      }
      let merge = try repository.createCommit(
        tree: try repository.commit(tip).tree, parents: [tip, remoteTip], message: message, signature: signature)
      outcome = .merged(merge)
      return merge
    }
    return outcome
  }
}
