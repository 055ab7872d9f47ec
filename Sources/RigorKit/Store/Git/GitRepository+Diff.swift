import CLibGit2

extension GitRepository {
  /// The files that differ between the trees of `old` (nil: an empty tree) and `new`, sorted
  /// by path. Content is compared by blob id, so this costs no blob reads.
  public func changedFiles(from old: ObjectID?, to new: ObjectID) throws -> [GitFileChange] {
    let oldTree = try old.map { try lookupTree(ofCommit: $0) }
    let newTree = try lookupTree(ofCommit: new)
    var options = git_diff_options()
    try GitError.check(git_diff_options_init(&options, UInt32(GIT_DIFF_OPTIONS_VERSION)), "prepare a diff")
    var diffHandle: OpaquePointer?
    try GitError.check(
      git_diff_tree_to_tree(&diffHandle, handle, oldTree?.raw, newTree.raw, &options),
      "compare the files of \(old?.shortDescription ?? "nothing") and \(new.shortDescription)")
    let diff = GitPointer(diffHandle!) { git_diff_free($0) }
    var changes: [GitFileChange] = []
    for index in 0..<git_diff_num_deltas(diff.raw) {
      guard let delta = git_diff_get_delta(diff.raw, index)?.pointee else { continue }
      let kind: GitFileChange.Kind
      switch delta.status {
      case GIT_DELTA_ADDED: kind = .added
      case GIT_DELTA_DELETED: kind = .deleted
      default: kind = .modified
      }
      let path = String(cString: (kind == .deleted ? delta.old_file.path : delta.new_file.path)!)
      changes.append(
        GitFileChange(
          path: path, kind: kind,
          oldBlob: kind == .added ? nil : ObjectID(delta.old_file.id),
          newBlob: kind == .deleted ? nil : ObjectID(delta.new_file.id)))
    }
    return changes.sorted { $0.path < $1.path }
  }
}
