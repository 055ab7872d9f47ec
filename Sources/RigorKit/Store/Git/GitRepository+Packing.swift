import CLibGit2
import Foundation

extension GitRepository {
  private var objectsDirectory: URL { commonDirectory.appendingPathComponent("objects", isDirectory: true) }

  /// The ids of every loose object (one file each under `objects/xx/`).
  public func looseObjectIDs() -> [ObjectID] {
    var ids: [ObjectID] = []
    let manager = FileManager.default
    for byte in 0..<256 {
      let prefix = String(format: "%02x", byte)
      let folder = objectsDirectory.appendingPathComponent(prefix).path
      guard let names = try? manager.contentsOfDirectory(atPath: folder) else { continue }
      for name in names where name.utf8.count == 38 {
        if let id = ObjectID(hex: prefix + name) { ids.append(id) }
      }
    }
    return ids
  }

  /// About how many loose objects there are, from one of the 256 fan-out folders (the
  /// estimate `git gc --auto` uses), without listing them all.
  public func estimatedLooseObjectCount() -> Int {
    let sample = objectsDirectory.appendingPathComponent("17").path
    let names = (try? FileManager.default.contentsOfDirectory(atPath: sample)) ?? []
    return names.filter { $0.utf8.count == 38 }.count * 256
  }

  /// Whether `id` is stored as a loose object (its own file under `objects/xx/`).
  public func isLoose(_ id: ObjectID) -> Bool {
    let hex = id.description
    return access(objectsDirectory.path + "/" + hex.prefix(2) + "/" + hex.dropFirst(2), F_OK) == 0
  }

  /// Moves every loose object into one new pack and deletes the loose copies; returns how many
  /// objects it packed.
  ///
  /// libgit2 has no `gc`, and each result adds dozens of loose files that slow reading
  /// history down tenfold. The pack and its index are complete on disk before any loose copy is
  /// removed (as `git prune-packed` does), so concurrent readers and writers always find every
  /// object; libgit2 and git re-scan packs when an object is missing.
  @discardableResult
  public func packLooseObjects() throws -> Int {
    let packed = try pack(looseObjectIDs())
    for byte in 0..<256 {
      rmdir(objectsDirectory.appendingPathComponent(String(format: "%02x", byte)).path)  // only if empty
    }
    return packed
  }

  /// Moves the loose objects `ids` (and only them: a commit's tree is not added) into one new
  /// pack and deletes their loose copies, with the same ordering guarantee as
  /// `packLooseObjects()`; returns how many objects it packed.
  @discardableResult
  public func pack(_ ids: [ObjectID]) throws -> Int {
    guard !ids.isEmpty else { return 0 }
    var builderHandle: OpaquePointer?
    try GitError.check(git_packbuilder_new(&builderHandle, handle), "start a pack")
    let builder = GitPointer(builderHandle!) { git_packbuilder_free($0) }
    _ = git_packbuilder_set_threads(builder.raw, 1)
    for id in ids {
      var oid = id.oid
      try GitError.check(git_packbuilder_insert(builder.raw, &oid, nil), "add \(id) to a pack")
    }
    let packFolder = objectsDirectory.appendingPathComponent("pack").path
    try GitError.check(
      git_packbuilder_write(builder.raw, packFolder, 0, nil, nil), "write a pack of \(ids.count) objects")
    for id in ids {
      let hex = id.description
      unlink(objectsDirectory.path + "/" + hex.prefix(2) + "/" + hex.dropFirst(2))
    }
    return ids.count
  }
}
