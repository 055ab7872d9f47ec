import CLibGit2
import Foundation

extension GitRepository {
  /// The commit HEAD points to, or nil when HEAD is unborn (a repository with no commit yet).
  public func headCommit() throws -> ObjectID? {
    var oid = git_oid()
    let result = git_reference_name_to_id(&oid, handle, "HEAD")
    if result == GIT_ENOTFOUND.rawValue || result == GIT_EUNBORNBRANCH.rawValue { return nil }
    try GitError.check(result, "read HEAD")
    return ObjectID(oid)
  }

  /// Whether the index or the work tree differs from HEAD, ignoring paths under any of
  /// `excludedPrefixes` (Rigor passes `Results/`, which it writes itself).
  ///
  /// Untracked files count when `includeUntracked` is true (an uncommitted notebook makes the
  /// source dirty); ignored files never do. A bare repository is never dirty.
  public func isWorkTreeDirty(excluding excludedPrefixes: [String] = [], includeUntracked: Bool = true) throws
    -> Bool
  {
    if isBare { return false }
    var options = git_status_options()
    try GitError.check(
      git_status_options_init(&options, UInt32(GIT_STATUS_OPTIONS_VERSION)), "prepare a status query")
    options.show = GIT_STATUS_SHOW_INDEX_AND_WORKDIR
    var flags = GIT_STATUS_OPT_EXCLUDE_SUBMODULES.rawValue
    if includeUntracked { flags |= GIT_STATUS_OPT_INCLUDE_UNTRACKED.rawValue }
    options.flags = flags
    var listHandle: OpaquePointer?
    try GitError.check(git_status_list_new(&listHandle, handle, &options), "read the work tree's status")
    let list = GitPointer(listHandle!) { git_status_list_free($0) }
    for index in 0..<git_status_list_entrycount(list.raw) {
      guard let entry = git_status_byindex(list.raw, index)?.pointee else { continue }
      if entry.status == GIT_STATUS_CURRENT || entry.status.rawValue & GIT_STATUS_IGNORED.rawValue != 0 {
        continue
      }
      let delta = entry.index_to_workdir ?? entry.head_to_index
      let path = (delta?.pointee.new_file.path ?? delta?.pointee.old_file.path).map { String(cString: $0) } ?? ""
      if excludedPrefixes.contains(where: { path.hasPrefix($0) || path + "/" == $0 }) { continue }
      return true
    }
    return false
  }
}
