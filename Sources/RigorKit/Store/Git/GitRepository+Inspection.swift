import CLibGit2
import Foundation

extension GitRepository {
  /// The kind of a git object, as an untrusted reference may point to any of them.
  public enum ObjectKind: String, Sendable {
    case commit, tree, blob, tag
    /// An object type git does not define (a damaged or hostile database).
    case unknown

    init(_ type: git_object_t) {
      switch type {
      case GIT_OBJECT_COMMIT: self = .commit
      case GIT_OBJECT_TREE: self = .tree
      case GIT_OBJECT_BLOB: self = .blob
      case GIT_OBJECT_TAG: self = .tag
      default: self = .unknown
      }
    }
  }

  /// One entry of a tree, read without loading the object it names.
  public struct TreeEntry: Sendable {
    public var name: String
    /// The entry's raw name bytes (git allows any byte but NUL and `/`).
    public var nameBytes: [UInt8]
    public var id: ObjectID
    /// The file mode git stores (0o100644, 0o100755, 0o120000 symlink, 0o40000 tree, 0o160000
    /// submodule link).
    public var mode: UInt32
  }

  /// The kind and size of object `id`, read from the object database's header only (a blob's
  /// content is not loaded); throws `GIT_ENOTFOUND` when the object is missing.
  public func objectHeader(_ id: ObjectID) throws -> (kind: ObjectKind, size: Int) {
    var odbHandle: OpaquePointer?
    try GitError.check(git_repository_odb(&odbHandle, handle), "open the object database")
    let odb = GitPointer(odbHandle!) { git_odb_free($0) }
    var oid = id.oid
    var size = 0
    var type = GIT_OBJECT_INVALID
    try GitError.check(git_odb_read_header(&size, &type, odb.raw, &oid), "read object \(id)")
    return (ObjectKind(type), size)
  }

  /// Whether the object database holds `id`.
  public func objectExists(_ id: ObjectID) throws -> Bool {
    var odbHandle: OpaquePointer?
    try GitError.check(git_repository_odb(&odbHandle, handle), "open the object database")
    let odb = GitPointer(odbHandle!) { git_odb_free($0) }
    var oid = id.oid
    return git_odb_exists(odb.raw, &oid) != 0
  }

  /// The entries of tree `id`, in git's order.
  public func treeEntries(_ id: ObjectID) throws -> [TreeEntry] {
    var oid = id.oid
    var treeHandle: OpaquePointer?
    try GitError.check(git_tree_lookup(&treeHandle, handle, &oid), "read the tree \(id)")
    let tree = GitPointer(treeHandle!) { git_tree_free($0) }
    let count = git_tree_entrycount(tree.raw)
    var entries: [TreeEntry] = []
    entries.reserveCapacity(count)
    for index in 0..<count {
      let entry = git_tree_entry_byindex(tree.raw, index)!
      let raw = git_tree_entry_name(entry)!
      let bytes = Array(UnsafeBufferPointer(start: UnsafeRawPointer(raw).assumingMemoryBound(to: UInt8.self), count: strlen(raw)))
      entries.append(
        TreeEntry(
          name: String(decoding: bytes, as: UTF8.self), nameBytes: bytes, id: ObjectID(git_tree_entry_id(entry)!),
          mode: git_tree_entry_filemode_raw(entry).rawValue))
    }
    return entries
  }

  /// The commits reachable from `tip` but not from any of `hidden`, newest first; throws when
  /// a commit or parent on the way is missing.
  public func newCommits(from tip: ObjectID, hiding hidden: [ObjectID]) throws -> [ObjectID] {
    var walkerHandle: OpaquePointer?
    try GitError.check(git_revwalk_new(&walkerHandle, handle), "start a history walk")
    let walker = GitPointer(walkerHandle!) { git_revwalk_free($0) }
    var tipOID = tip.oid
    try GitError.check(git_revwalk_push(walker.raw, &tipOID), "walk the history of \(tip)")
    for id in hidden {
      var oid = id.oid
      try GitError.check(git_revwalk_hide(walker.raw, &oid), "walk the history of \(id)")
    }
    var found: [ObjectID] = []
    var oid = git_oid()
    while true {
      let result = git_revwalk_next(&oid, walker.raw)
      if result == GIT_ITEROVER.rawValue { return found }
      try GitError.check(result, "walk the history of \(tip)")
      found.append(ObjectID(oid))
    }
  }

  /// The names and targets of `url`'s references matching `prefix`, as the remote advertises
  /// them (nothing is fetched).
  public func remoteReferences(at url: String, prefix: String) throws -> [(name: String, target: ObjectID)] {
    var remoteHandle: OpaquePointer?
    try GitError.check(git_remote_create_anonymous(&remoteHandle, handle, url), "use \(url) as a remote")
    let remote = GitPointer(remoteHandle!) { git_remote_free($0) }
    try GitError.check(
      git_remote_connect(remote.raw, GIT_DIRECTION_FETCH, nil, nil, nil), "connect to \(url)")
    defer { git_remote_disconnect(remote.raw) }
    var heads: UnsafeMutablePointer<UnsafePointer<git_remote_head>?>?
    var count = 0
    try GitError.check(git_remote_ls(&heads, &count, remote.raw), "list the references of \(url)")
    var found: [(name: String, target: ObjectID)] = []
    for index in 0..<count {
      guard let head = heads?[index]?.pointee, let rawName = head.name else { continue }
      let name = String(cString: rawName)
      if name.hasPrefix(prefix) { found.append((name, ObjectID(head.oid))) }
    }
    return found
  }
}

extension GitRepository {
  /// Copies every object reachable from `tip` but not from `hidden` (ids this repository may
  /// lack are ignored) into `destination` as one new pack, and returns how many objects it
  /// copied; throws when an object on the way is missing.
  ///
  /// Used to take a local remote's history one reference at a time: libgit2's local transport
  /// packs every advertised reference for any fetch, so one damaged reference would block all.
  @discardableResult
  public func copyObjects(reachableFrom tip: ObjectID, hiding hidden: [ObjectID], into destination: GitRepository) throws -> Int {
    var walkerHandle: OpaquePointer?
    try GitError.check(git_revwalk_new(&walkerHandle, handle), "start a history walk")
    let walker = GitPointer(walkerHandle!) { git_revwalk_free($0) }
    var tipOID = tip.oid
    try GitError.check(git_revwalk_push(walker.raw, &tipOID), "walk the history of \(tip)")
    for id in hidden where (try? objectHeader(id).kind) == .commit {
      var oid = id.oid
      try GitError.check(git_revwalk_hide(walker.raw, &oid), "walk the history of \(id)")
    }
    var builderHandle: OpaquePointer?
    try GitError.check(git_packbuilder_new(&builderHandle, handle), "start a pack")
    let builder = GitPointer(builderHandle!) { git_packbuilder_free($0) }
    _ = git_packbuilder_set_threads(builder.raw, 1)
    try GitError.check(git_packbuilder_insert_walk(builder.raw, walker.raw), "collect the objects of \(tip)")
    let count = Int(git_packbuilder_object_count(builder.raw))
    guard count > 0 else { return 0 }
    let packFolder = destination.commonDirectory.appendingPathComponent("objects/pack").path
    try? FileManager.default.createDirectory(atPath: packFolder, withIntermediateDirectories: true)
    try GitError.check(
      git_packbuilder_write(builder.raw, packFolder, 0, nil, nil), "copy \(count) objects of \(tip)")
    return count
  }
}
