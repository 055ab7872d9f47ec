import Foundation

/// An advisory `flock` on a file, released when the instance is freed.
///
/// Rigor coordinates its own processes with these: the notebook toolchain's first-use build
/// (held exclusively) against compiles using it (held shared), and reference writers (shared)
/// against the recovery of lock files a killed writer left (exclusive). `flock` locks belong
/// to the open file, so two instances in one process exclude each other like two processes.
final class FileLock {
  enum Mode { case shared, exclusive }

  private let descriptor: Int32

  /// Blocks until the lock on `file` is held in `mode`; creates the file (and its folder).
  init(file: URL, mode: Mode) throws {
    descriptor = try Self.acquire(file: file, mode: mode, wait: true)!
  }

  /// The lock on `file` in `mode` if no one holds a conflicting one now, else nil.
  static func attempt(file: URL, mode: Mode) throws -> FileLock? {
    try acquire(file: file, mode: mode, wait: false).map(FileLock.init(descriptor:))
  }

  /// Runs `body` while holding the lock on `file` in `mode`.
  static func holding<T>(_ file: URL, _ mode: Mode, _ body: () throws -> T) throws -> T {
    let lock = try FileLock(file: file, mode: mode)
    defer { withExtendedLifetime(lock) {} }
    return try body()
  }

  private init(descriptor: Int32) { self.descriptor = descriptor }

  /// An open descriptor holding the lock, or nil when `wait` is false and the lock is taken.
  private static func acquire(file: URL, mode: Mode, wait: Bool) throws -> Int32? {
    var opened = open(file.path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
    if opened < 0 && errno == ENOENT {
      // Only the first lock in a fresh folder creates it; every ref write takes a lock.
      do {
        try FileManager.default.createDirectory(
          at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
      } catch {
        throw FileLockError(path: file.path, operation: "create the folder of", reason: error.localizedDescription)
      }
      opened = open(file.path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
    }
    guard opened >= 0 else {
      throw FileLockError(path: file.path, operation: "open", reason: String(cString: strerror(errno)))
    }
    let operation = (mode == .shared ? LOCK_SH : LOCK_EX) | (wait ? 0 : LOCK_NB)
    var status: Int32
    repeat {
      status = flock(opened, operation)
    } while status != 0 && errno == EINTR
    guard status == 0 else {
      let code = errno
      close(opened)
      if code == EWOULDBLOCK && !wait { return nil }
      throw FileLockError(path: file.path, operation: "lock", reason: String(cString: strerror(code)))
    }
    return opened
  }

  deinit {
    flock(descriptor, LOCK_UN)
    close(descriptor)
  }
}

/// A lock file that could not be opened or locked.
struct FileLockError: Error, CustomStringConvertible {
  var path: String
  var operation: String
  var reason: String

  var description: String { "cannot \(operation) the lock file \(path): \(reason)" }
}
