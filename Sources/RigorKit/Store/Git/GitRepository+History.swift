import CLibGit2
import Foundation

extension GitRepository {
  /// How a history walk orders commits.
  public enum WalkOrder: Sendable {
    /// Children always before parents, ties by time. libgit2 reads the whole history before
    /// returning the first commit.
    case topological
    /// Newest commit time first, read incrementally (libgit2's unsorted walk, which queues
    /// parents by date like `git log`): cheap when only the first few are needed, but a parent
    /// may come before a child whose clock was behind.
    case time
  }

  /// The commits reachable from `tips`, newest first, at most `limit` of them.
  public func walk(from tips: [ObjectID], order: WalkOrder = .topological, limit: Int? = nil) throws
    -> [ObjectID]
  {
    var found: [ObjectID] = []
    try walk(from: tips, order: order) { id in
      found.append(id)
      return limit.map { found.count < $0 } ?? true
    }
    return found
  }

  /// Calls `visit` with each commit reachable from `tips`, newest first, until it returns false.
  public func walk(from tips: [ObjectID], order: WalkOrder = .topological, _ visit: (ObjectID) throws -> Bool)
    throws
  {
    var walkerHandle: OpaquePointer?
    try GitError.check(git_revwalk_new(&walkerHandle, handle), "start a history walk")
    let walker = GitPointer(walkerHandle!) { git_revwalk_free($0) }
    let sorting: UInt32
    switch order {
    case .topological: sorting = GIT_SORT_TOPOLOGICAL.rawValue | GIT_SORT_TIME.rawValue
    case .time: sorting = GIT_SORT_NONE.rawValue  // any sort flag makes libgit2 read everything first
    }
    try GitError.check(git_revwalk_sorting(walker.raw, sorting), "sort a history walk")
    for tip in tips {
      var oid = tip.oid
      try GitError.check(git_revwalk_push(walker.raw, &oid), "walk the history of \(tip)")
    }
    var oid = git_oid()
    while true {
      let result = git_revwalk_next(&oid, walker.raw)
      if result == GIT_ITEROVER.rawValue { return }
      try GitError.check(result, "walk the history of \(tips.map(\.shortDescription))")
      if try !visit(ObjectID(oid)) { return }
    }
  }

  /// The commit a revision expression names: a full or abbreviated id, a reference name
  /// (`refs/rigor/x`, `main`), `HEAD~1`, `refs/rigor/x^2`...
  public func resolve(_ revision: String) throws -> ObjectID {
    var objectHandle: OpaquePointer?
    try GitError.check(git_revparse_single(&objectHandle, handle, revision), "resolve '\(revision)'")
    let object = GitPointer(objectHandle!) { git_object_free($0) }
    var commitHandle: OpaquePointer?
    try GitError.check(
      git_object_peel(&commitHandle, object.raw, GIT_OBJECT_COMMIT), "resolve '\(revision)' to a commit")
    let commit = GitPointer(commitHandle!) { git_object_free($0) }
    return ObjectID(git_object_id(commit.raw)!)
  }

  /// Whether `ancestor` is reachable from `descendant` (true when they are equal).
  public func isAncestor(_ ancestor: ObjectID, of descendant: ObjectID) throws -> Bool {
    if ancestor == descendant { return true }
    var descendantOID = descendant.oid
    var ancestorOID = ancestor.oid
    let result = git_graph_descendant_of(handle, &descendantOID, &ancestorOID)
    try GitError.check(result, "compare the histories of \(descendant) and \(ancestor)")
    return result == 1
  }
}
