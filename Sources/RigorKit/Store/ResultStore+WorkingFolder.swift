import Foundation

extension ResultStore {
  /// Replaces the working folder (`Results/NAME/`) with the tree of `commit`.
  ///
  /// The files are written to a hidden temporary sibling first, which then takes the folder's
  /// place by an atomic exchange (`renameat2(RENAME_EXCHANGE)`), falling back to two renames
  /// where the kernel lacks it. A crash therefore leaves the old folder, the new one, or (in the
  /// fallback's short window) none, but never a half-written one.
  public func refreshWorkingFolder(name: String, from commit: ObjectID, into folder: URL) throws {
    let files = try self.files(in: commit)
    let manager = FileManager.default
    let parent = folder.deletingLastPathComponent()
    let staging = parent.appendingPathComponent(
      ".\(folder.lastPathComponent).rigor-\(StagingName.unique())-\(commit.shortDescription)", isDirectory: true)
    do {
      try manager.createDirectory(at: parent, withIntermediateDirectories: true)
      removeAbandonedCopies(of: folder)
      if manager.fileExists(atPath: staging.path) { try manager.removeItem(at: staging) }
      for (path, data) in files {
        let file = staging.appendingPathComponent(path)
        try manager.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: file)
      }
      try manager.createDirectory(at: staging, withIntermediateDirectories: true)
    } catch {
      try? manager.removeItem(at: staging)
      throw ResultStoreError.fileSystem(
        operation: "write the result files of \(name) into", path: staging.path, reason: "\(error)")
    }
    try swapIntoPlace(staging, folder)
  }

  /// Removes hidden staging or old copies of `folder` that a killed process left behind: those
  /// not modified for ten minutes (a live refresh takes milliseconds).
  private func removeAbandonedCopies(of folder: URL) {
    let manager = FileManager.default
    let parent = folder.deletingLastPathComponent()
    let prefix = ".\(folder.lastPathComponent).rigor-"
    guard let siblings = try? manager.contentsOfDirectory(atPath: parent.path) else { return }
    for sibling in siblings where sibling.hasPrefix(prefix) {
      let path = parent.appendingPathComponent(sibling)
      let modified = (try? manager.attributesOfItem(atPath: path.path)[.modificationDate]) as? Date
      if let modified, Date().timeIntervalSince(modified) > 600 { try? manager.removeItem(at: path) }
    }
  }

  private func swapIntoPlace(_ staging: URL, _ folder: URL) throws {
    let manager = FileManager.default
    defer { try? manager.removeItem(at: staging) }
    for _ in 0..<8 {
      if rename(staging.path, folder.path) == 0 { return }
      let renameError = errno
      guard renameError == EEXIST || renameError == ENOTEMPTY || renameError == EISDIR else {
        throw ResultStoreError.fileSystem(
          operation: "move the new results into", path: folder.path,
          reason: String(cString: strerror(renameError)))
      }
      // The folder exists: swap it with the staging folder, which then holds the old content
      // and is removed by the deferred cleanup.
      if let exchange = AtomicExchange.function {
        if exchange(AT_FDCWD, staging.path, AT_FDCWD, folder.path, AtomicExchange.flag) == 0 { return }
        if errno == ENOENT { continue }  // removed meanwhile: a plain rename will do
        if errno != EINVAL && errno != ENOSYS {
          throw ResultStoreError.fileSystem(
            operation: "swap the new results into", path: folder.path, reason: String(cString: strerror(errno)))
        }
      }
      let old = folder.deletingLastPathComponent().appendingPathComponent(
        ".\(folder.lastPathComponent).rigor-old-\(StagingName.unique())")
      try? manager.removeItem(at: old)
      if rename(folder.path, old.path) == 0 {
        defer { try? manager.removeItem(at: old) }
        if rename(staging.path, folder.path) == 0 { return }
      }
    }
    throw ResultStoreError.fileSystem(
      operation: "replace", path: folder.path, reason: "other processes kept replacing it")
  }
}

/// Unique parts for staging folder names: the process id and a per-process counter, so that
/// concurrent refreshes in different processes or threads never share a folder.
private enum StagingName {
  private static let lock = NSLock()
  private static var counter = 0

  static func unique() -> String {
    lock.lock()
    defer { lock.unlock() }
    counter += 1
    return "\(getpid())-\(counter)"
  }
}

/// Linux's `renameat2`, looked up at run time because Swift's Glibc module does not export it.
private enum AtomicExchange {
  typealias Function = @convention(c) (
    Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32
  ) -> Int32

  /// `RENAME_EXCHANGE` from `<linux/fs.h>`.
  static let flag: UInt32 = 1 << 1

  static let function: Function? = {
    guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "renameat2") else { return nil }
    return unsafeBitCast(symbol, to: Function.self)
  }()
}
