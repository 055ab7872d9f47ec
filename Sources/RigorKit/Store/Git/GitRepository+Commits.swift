import CLibGit2
import Foundation

extension GitRepository {
  /// Creates a commit of `tree` with `parents` (first parent first) and returns its id.
  ///
  /// No reference moves: the caller publishes the commit with `updateReference`. The author and
  /// committer are `signature`, else the repository's configured user, else "Rigor".
  public func createCommit(
    tree: ObjectID, parents: [ObjectID], message: String, signature: GitSignature? = nil
  ) throws -> ObjectID {
    let author = try signatureHandle(signature)
    var treeOID = tree.oid
    var treeHandle: OpaquePointer?
    try GitError.check(git_tree_lookup(&treeHandle, handle, &treeOID), "find the tree \(tree)")
    let treeObject = GitPointer(treeHandle!) { git_tree_free($0) }
    let parentObjects = try parents.map { try lookupCommit($0) }
    var parentPointers: [OpaquePointer?] = parentObjects.map { $0.raw }
    var commitID = git_oid()
    let signaturePointer = UnsafePointer<git_signature>(author.raw)
    let result = parentPointers.withUnsafeMutableBufferPointer { buffer in
      git_commit_create(
        &commitID, handle, nil, signaturePointer, signaturePointer, nil, message, treeObject.raw,
        buffer.count, buffer.baseAddress)
    }
    try GitError.check(result, "create a commit with \(parents.count) parent(s)")
    withExtendedLifetime(parentObjects) {}
    return ObjectID(commitID)
  }

  /// Reads the commit `id`, copying everything out of libgit2.
  public func commit(_ id: ObjectID) throws -> GitCommit {
    let commit = try lookupCommit(id)
    let parentCount = git_commit_parentcount(commit.raw)
    var parents: [ObjectID] = []
    parents.reserveCapacity(Int(parentCount))
    for index in 0..<parentCount {
      parents.append(ObjectID(git_commit_parent_id(commit.raw, index)!))
    }
    return GitCommit(
      id: id,
      tree: ObjectID(git_commit_tree_id(commit.raw)!),
      parents: parents,
      message: git_commit_message(commit.raw).map { String(cString: $0) } ?? "",
      author: GitSignature(git_commit_author(commit.raw)!),
      committer: GitSignature(git_commit_committer(commit.raw)!))
  }

  func lookupCommit(_ id: ObjectID) throws -> GitPointer {
    var oid = id.oid
    var commitHandle: OpaquePointer?
    try GitError.check(git_commit_lookup(&commitHandle, handle, &oid), "read commit \(id)")
    return GitPointer(commitHandle!) { git_commit_free($0) }
  }

  private func signatureHandle(_ signature: GitSignature?) throws -> GitPointer {
    if let signature { return try signature.makeHandle() }
    var configured: UnsafeMutablePointer<git_signature>?
    if git_signature_default(&configured, handle) == 0, let configured {
      return GitSignature.own(configured)
    }
    // No user.name/user.email (typical in CI): commit as Rigor rather than fail the run.
    var fallback: UnsafeMutablePointer<git_signature>?
    try GitError.check(git_signature_now(&fallback, "Rigor", "rigor@localhost"), "make a commit signature")
    return GitSignature.own(fallback!)
  }
}
