import CLibGit2
import Foundation

extension GitRepository {
  /// The commit `name` (e.g. `refs/rigor/x`) points to, or nil when the reference is absent.
  public func referenceTarget(_ name: String) throws -> ObjectID? {
    var oid = git_oid()
    let result = git_reference_name_to_id(&oid, handle, name)
    if result == GIT_ENOTFOUND.rawValue { return nil }
    try GitError.check(result, "read the reference \(name)")
    return ObjectID(oid)
  }

  /// Moves `name` to `target` only if it still points to `expected` (compare-and-swap); with
  /// `expected == nil`, creates it only if it does not exist.
  ///
  /// Both checks happen under the reference's lock. (Creation passes the all-zero id as the
  /// expected value, which libgit2 reads as "must not exist" under the lock; its own
  /// `force = 0` check runs before taking the lock, so two creators racing could both pass it
  /// and the second would silently overwrite the first and everything built on it.)
  ///
  /// A lost race throws a `GitError` whose `isLostRace` is true: `GIT_EMODIFIED` (the value
  /// changed, or the reference appeared), `GIT_EEXISTS`, or `GIT_ELOCKED` (another writer holds
  /// the `.lock` file, or a killed one left it).
  public func updateReference(
    _ name: String, to target: ObjectID, expecting expected: ObjectID?, logMessage: String
  ) throws {
    var newOID = target.oid
    var oldOID = expected?.oid ?? git_oid()
    var reference: OpaquePointer?
    try GitError.check(
      git_reference_create_matching(&reference, handle, name, &newOID, 1, &oldOID, logMessage),
      "move \(name) to \(target.shortDescription)")
    git_reference_free(reference)
  }

  /// Makes sure updates to `name` are logged in its reflog (git logs only branches by default),
  /// so a mistaken overwrite of a results ref can be undone.
  public func ensureReflog(_ name: String) throws {
    try GitError.check(git_reference_ensure_log(handle, name), "create the reflog of \(name)")
  }

  /// Whether `name` is a well-formed reference name.
  public static func isValidReferenceName(_ name: String) -> Bool {
    LibGit2.ensureInitialised()
    var valid: Int32 = 0
    return git_reference_name_is_valid(&valid, name) == 0 && valid != 0
  }

  /// Every reference matching `glob` (e.g. `refs/rigor/*`; `*` also matches `/`) with the
  /// commit it resolves to, sorted by name.
  public func references(matching glob: String) throws -> [(name: String, target: ObjectID)] {
    var iteratorHandle: OpaquePointer?
    try GitError.check(
      git_reference_iterator_glob_new(&iteratorHandle, handle, glob), "list the references \(glob)")
    let iterator = GitPointer(iteratorHandle!) { git_reference_iterator_free($0) }
    var found: [(name: String, target: ObjectID)] = []
    while true {
      var referenceHandle: OpaquePointer?
      let result = git_reference_next(&referenceHandle, iterator.raw)
      if result == GIT_ITEROVER.rawValue { break }
      try GitError.check(result, "list the references \(glob)")
      let reference = GitPointer(referenceHandle!) { git_reference_free($0) }
      let name = String(cString: git_reference_name(reference.raw))
      if let target = git_reference_target(reference.raw) {
        found.append((name, ObjectID(target)))
      } else if let resolved = try referenceTarget(name) {
        found.append((name, resolved))
      }
    }
    return found.sorted { $0.name < $1.name }
  }
}
