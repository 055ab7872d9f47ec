import Foundation

extension ResultStore {
  /// The file every Rigor reference writer holds a shared ``FileLock`` on while it updates a
  /// reference.
  var writersLockFile: URL { repository.commonDirectory.appendingPathComponent("rigor-ref-writers") }

  /// Removes lock files that block `reference` when they are stale, and returns whether it
  /// removed any.
  ///
  /// A killed process can leave `refs/rigor/NAME.lock` (or `packed-refs.lock`) behind, and
  /// libgit2 then refuses every update with `GIT_ELOCKED`. A live writer holds such a lock for
  /// well under a millisecond, so one older than `staleLockAge` is dead. The reference's own
  /// lock is dead sooner, after `orphanedLockAge`, when no Rigor writer holds the writers lock
  /// (`packed-refs.lock` keeps the long age: `git gc` takes it too). Removal happens under an
  /// advisory `flock` shared by every Rigor process, after checking the file is still the same
  /// one (inode and modification time): two recovering processes can thus never delete a fresh
  /// lock that a third created after the stale one was gone.
  @discardableResult
  public func removeStaleLocks(for reference: String) throws -> Bool {
    let referenceLock = repository.commonDirectory.appendingPathComponent(reference + ".lock").path
    let packedLock = repository.commonDirectory.appendingPathComponent("packed-refs.lock").path
    var removed = false
    for path in [referenceLock, packedLock] {
      guard let first = LockFileState(path: path) else { continue }
      let orphaned = path == referenceLock && first.age >= orphanedLockAge
      guard first.age >= staleLockAge || orphaned else { continue }
      try FileLock.holding(recoveryLockFile, .exclusive) {
        guard let again = LockFileState(path: path), again.isSameFile(as: first) else { return }
        // A young lock may be a live writer's; while `idle` is held no Rigor writer is between
        // taking and releasing a reference lock.
        let idle = first.age < staleLockAge ? try FileLock.attempt(file: writersLockFile, mode: .exclusive) : nil
        guard first.age >= staleLockAge || idle != nil else { return }
        if unlink(path) == 0 { removed = true }
        withExtendedLifetime(idle) {}
      }
    }
    return removed
  }

  private var recoveryLockFile: URL { repository.commonDirectory.appendingPathComponent("rigor-lock-recovery") }
}

/// Identity and age of a lock file, to recognise it again after taking the recovery lock.
private struct LockFileState {
  var device: UInt64
  var inode: UInt64
  var modified: timespec
  var age: TimeInterval

  init?(path: String) {
    var info = stat()
    guard stat(path, &info) == 0 else { return nil }
    device = UInt64(info.st_dev)
    inode = UInt64(info.st_ino)
    modified = info.st_mtim
    let modifiedSeconds = TimeInterval(info.st_mtim.tv_sec) + TimeInterval(info.st_mtim.tv_nsec) / 1e9
    age = Date().timeIntervalSince1970 - modifiedSeconds
  }

  func isSameFile(as other: LockFileState) -> Bool {
    device == other.device && inode == other.inode && modified.tv_sec == other.modified.tv_sec
      && modified.tv_nsec == other.modified.tv_nsec
  }
}
