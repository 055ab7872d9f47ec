import CLibGit2
import Foundation

extension GitRepository {
  /// Writes `data` as a blob and returns its id.
  public func writeBlob(_ data: Data) throws -> ObjectID {
    var oid = git_oid()
    let result = data.withUnsafeBytes { raw in
      git_blob_create_from_buffer(&oid, handle, raw.baseAddress, raw.count)
    }
    try GitError.check(result, "write a blob of \(data.count) bytes")
    return ObjectID(oid)
  }

  /// The blob id `data` would have, without writing anything (what `git hash-object` prints).
  public static func blobID(for data: Data) throws -> ObjectID {
    LibGit2.ensureInitialised()
    var oid = git_oid()
    let result = data.withUnsafeBytes { raw in
      git_odb_hash(&oid, raw.baseAddress, raw.count, GIT_OBJECT_BLOB)
    }
    try GitError.check(result, "hash \(data.count) bytes as a blob")
    return ObjectID(oid)
  }

  /// Writes a tree whose files are `files` (paths relative to the tree root, `/`-separated,
  /// nested folders allowed) and returns the root tree's id.
  ///
  /// Paths are checked first: no empty, `.` or `..` components, no `.git`, and no path that is
  /// both a file and a folder. All files are regular (mode 100644).
  public func writeTree(files: [String: Data]) throws -> ObjectID {
    let root = try GitTreeLayout.build(files)
    return try write(root, path: "")
  }

  private func write(_ folder: GitTreeLayout, path: String) throws -> ObjectID {
    var builderHandle: OpaquePointer?
    try GitError.check(git_treebuilder_new(&builderHandle, handle, nil), "start a tree for '\(path)'")
    let builder = GitPointer(builderHandle!) { git_treebuilder_free($0) }
    for (name, child) in folder.children {
      let childPath = path.isEmpty ? name : path + "/" + name
      var oid: git_oid
      let mode: git_filemode_t
      switch child {
      case .file(let data):
        oid = try writeBlob(data).oid
        mode = GIT_FILEMODE_BLOB
      case .folder(let node):
        oid = try write(node, path: childPath).oid
        mode = GIT_FILEMODE_TREE
      }
      try GitError.check(
        git_treebuilder_insert(nil, builder.raw, name, &oid, mode), "add '\(childPath)' to a tree")
    }
    var treeID = git_oid()
    try GitError.check(git_treebuilder_write(&treeID, builder.raw), "write the tree for '\(path)'")
    return ObjectID(treeID)
  }

  /// Every file in the tree of `commit`, keyed by its path relative to the tree root.
  public func files(inCommit commit: ObjectID) throws -> [String: Data] {
    let tree = try lookupTree(ofCommit: commit)
    var files: [String: Data] = [:]
    try collect(tree, prefix: "", into: &files)
    return files
  }

  private func collect(_ tree: GitPointer, prefix: String, into files: inout [String: Data]) throws {
    let count = git_tree_entrycount(tree.raw)
    for index in 0..<count {
      // Borrowed from `tree`, which outlives this loop.
      let entry = git_tree_entry_byindex(tree.raw, index)!
      let name = prefix + String(cString: git_tree_entry_name(entry))
      var oid = git_tree_entry_id(entry)!.pointee
      switch git_tree_entry_type(entry) {
      case GIT_OBJECT_TREE:
        var subtree: OpaquePointer?
        try GitError.check(git_tree_lookup(&subtree, handle, &oid), "read the folder '\(name)'")
        try collect(GitPointer(subtree!) { git_tree_free($0) }, prefix: name + "/", into: &files)
      case GIT_OBJECT_BLOB:
        files[name] = try readBlob(oid, path: name)
      default:
        continue  // submodule links carry no content
      }
    }
  }

  /// The content of the file at `path` in the tree of `commit`, or nil when no file is there.
  public func readFile(at path: String, inCommit commit: ObjectID) throws -> Data? {
    let tree = try lookupTree(ofCommit: commit)
    var entryHandle: OpaquePointer?
    let found = git_tree_entry_bypath(&entryHandle, tree.raw, path)
    if found == GIT_ENOTFOUND.rawValue { return nil }
    try GitError.check(found, "find '\(path)' in commit \(commit)")
    let entry = GitPointer(entryHandle!) { git_tree_entry_free($0) }
    guard git_tree_entry_type(entry.raw) == GIT_OBJECT_BLOB else { return nil }
    return try readBlob(git_tree_entry_id(entry.raw)!.pointee, path: path)
  }

  private func readBlob(_ id: git_oid, path: String) throws -> Data {
    var oid = id
    var blobHandle: OpaquePointer?
    try GitError.check(git_blob_lookup(&blobHandle, handle, &oid), "read the file '\(path)'")
    let blob = GitPointer(blobHandle!) { git_blob_free($0) }
    let size = Int(git_blob_rawsize(blob.raw))
    guard size > 0, let bytes = git_blob_rawcontent(blob.raw) else { return Data() }
    return Data(bytes: bytes, count: size)
  }

  func lookupTree(ofCommit commit: ObjectID) throws -> GitPointer {
    let commitHandle = try lookupCommit(commit)
    var treeHandle: OpaquePointer?
    try GitError.check(git_commit_tree(&treeHandle, commitHandle.raw), "read the tree of commit \(commit)")
    return GitPointer(treeHandle!) { git_tree_free($0) }
  }
}
