import CLibGit2
import Foundation

extension GitRepository {
  /// The commits reachable from `tips`, newest first (topological order, ties by time), at most
  /// `limit` of them.
  public func walk(from tips: [ObjectID], limit: Int? = nil) throws -> [ObjectID] {
    var walkerHandle: OpaquePointer?
    try GitError.check(git_revwalk_new(&walkerHandle, handle), "start a history walk")
    let walker = GitPointer(walkerHandle!) { git_revwalk_free($0) }
    try GitError.check(
      git_revwalk_sorting(walker.raw, GIT_SORT_TOPOLOGICAL.rawValue | GIT_SORT_TIME.rawValue),
      "sort a history walk")
    for tip in tips {
      var oid = tip.oid
      try GitError.check(git_revwalk_push(walker.raw, &oid), "walk the history of \(tip)")
    }
    var commits: [ObjectID] = []
    var oid = git_oid()
    while limit.map({ commits.count < $0 }) ?? true {
      let result = git_revwalk_next(&oid, walker.raw)
      if result == GIT_ITEROVER.rawValue { break }
      try GitError.check(result, "walk the history of \(tips.map(\.shortDescription))")
      commits.append(ObjectID(oid))
    }
    return commits
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
