import CLibGit2
import Foundation

/// The parts of a commit a history listing needs: parents, tree, committer time and message.
///
/// Lighter than `GitCommit`: no signature names or e-mails are copied out of libgit2, which
/// matters when thousands of commits are listed.
public struct GitCommitHeader: Sendable {
  public var id: ObjectID
  public var tree: ObjectID
  /// Parents in order: the first parent first.
  public var parents: [ObjectID]
  /// When the commit was made (committer time, whole seconds).
  public var date: Date
  /// The full raw message, trailers included.
  public var message: String
}

extension GitRepository {
  /// Reads the parents, tree, committer time and message of commit `id`.
  public func commitHeader(_ id: ObjectID) throws -> GitCommitHeader {
    let commit = try lookupCommit(id)
    let parentCount = git_commit_parentcount(commit.raw)
    var parents: [ObjectID] = []
    parents.reserveCapacity(Int(parentCount))
    for index in 0..<parentCount {
      parents.append(ObjectID(git_commit_parent_id(commit.raw, index)!))
    }
    return GitCommitHeader(
      id: id, tree: ObjectID(git_commit_tree_id(commit.raw)!), parents: parents,
      date: Date(timeIntervalSince1970: TimeInterval(git_commit_time(commit.raw))),
      message: git_commit_message(commit.raw).map { String(cString: $0) } ?? "")
  }
}
