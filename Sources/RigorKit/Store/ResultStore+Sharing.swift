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
  public func pull(from remote: String, names: [String]? = nil) throws -> [(name: String, outcome: PullOutcome)] {
    try locked {
      // A namespace of this process's own, so concurrent pulls never see each other's refs.
      let staging = "refs/rigor-fetch/\(getpid())/"
      let refspecs = try (names ?? ["*"]).map { name -> String in
        let source = name == "*" ? ResultStore.referencePrefix + "*" : try ResultStore.referenceName(for: name)
        return "+\(source):\(staging)\(source.dropFirst(ResultStore.referencePrefix.count))"
      }
      try repository.fetch(refspecs, from: remote)
      let fetched = try repository.references(matching: staging + "*")
      defer { for reference in fetched { try? repository.deleteReference(reference.name) } }
      var outcomes: [(name: String, outcome: PullOutcome)] = []
      for (fetchedName, remoteTip) in fetched {
        let name = String(fetchedName.dropFirst(staging.count))
        outcomes.append((name, try integrate(remoteTip, into: name, from: remote)))
      }
      return outcomes
    }
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
