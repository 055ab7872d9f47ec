import Foundation

/// Removes the scratch folders of runs that were killed before they could clean up.
///
/// A run's scratch folder is `TMP/PREFIX-PID-XXXXXXXX` (``TemporaryFolder``); SIGKILL, or a
/// SIGTERM or SIGINT that ends the process before `deinit`, leaves it, with every seed's
/// output inside. The next run removes each one whose process is gone. The temporary folder
/// is shared with other users, so removal never follows a symbolic link (every level is opened
/// with `O_NOFOLLOW` relative to its parent's descriptor and entries are unlinked there), and
/// only real folders owned by this user are touched.
enum AbandonedScratch {
  /// Removes `base/PREFIX-PID-*` folders whose process no longer exists and that this user
  /// owns; returns the names removed.
  @discardableResult
  static func removeAbandoned(prefix: String, in base: URL = FileManager.default.temporaryDirectory) -> [String] {
    let baseDescriptor = open(base.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    guard baseDescriptor >= 0 else { return [] }
    defer { close(baseDescriptor) }
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: base.path) else { return [] }
    var removed: [String] = []
    for name in names {
      guard let pid = owner(of: name, prefix: prefix), pid != getpid(), !isRunning(pid) else { continue }
      var info = stat()
      guard fstatat(baseDescriptor, name, &info, AT_SYMLINK_NOFOLLOW) == 0,
        info.st_mode & S_IFMT == S_IFDIR, info.st_uid == geteuid()
      else { continue }
      if removeTree(in: baseDescriptor, name: name) { removed.append(name) }
    }
    return removed
  }

  /// The PID in a name `PREFIX-PID-SUFFIX`, nil for any other name.
  static func owner(of name: String, prefix: String) -> pid_t? {
    guard name.hasPrefix(prefix + "-") else { return nil }
    let parts = name.dropFirst(prefix.count + 1).split(separator: "-", maxSplits: 1)
    guard parts.count == 2, !parts[1].isEmpty, let pid = pid_t(parts[0]), pid > 0 else { return nil }
    return pid
  }

  /// Whether a process `pid` exists (one of another user's counts: EPERM).
  static func isRunning(_ pid: pid_t) -> Bool {
    kill(pid, 0) == 0 || errno == EPERM
  }

  /// Removes `name` inside the folder open as `parent`: a folder with everything in it, or any
  /// other entry (a symbolic link is removed itself, never followed). True when it is gone.
  static func removeTree(in parent: Int32, name: String) -> Bool {
    let descriptor = openat(parent, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
    guard descriptor >= 0 else {
      // Not a folder (or a link to one): remove the entry itself.
      return unlinkat(parent, name, 0) == 0 || errno == ENOENT
    }
    guard let folder = fdopendir(descriptor) else {
      close(descriptor)
      return false
    }
    var children: [String] = []
    while let entry = readdir(folder) {
      let child = withUnsafePointer(to: &entry.pointee.d_name) {
        String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self))
      }
      if child != "." && child != ".." { children.append(child) }
    }
    for child in children { _ = removeTree(in: descriptor, name: child) }
    closedir(folder)  // closes `descriptor`
    return unlinkat(parent, name, AT_REMOVEDIR) == 0 || errno == ENOENT
  }
}
