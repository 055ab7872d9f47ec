import Foundation

/// An advisory `flock` on the notebook toolchain's folder, held while it is built or used.
///
/// Concurrent `rigor` runs (and the threads of one test process) all find the first-use build
/// of `.build-notebook/` missing. Without a lock each ran `swift build` in turn, and a later
/// no-op build could relink a library while another run compiled a notebook against it, so
/// that compile failed with a link error. The builder holds the lock exclusively and the
/// others re-check after it; compiles hold it shared, so a rebuild waits for them. `flock`
/// locks belong to the open file, so two opens in one process exclude each other too. The
/// lock is released when the instance is freed.
final class ToolchainLock {
  enum Mode { case shared, exclusive }

  private let descriptor: Int32

  /// Blocks until the lock on `file` is held in `mode`; creates the file (and its folder).
  init(file: URL, mode: Mode) throws {
    do {
      try FileManager.default.createDirectory(
        at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
    } catch {
      throw ToolchainError.lockFailed(path: file.path, reason: error.localizedDescription)
    }
    let opened = open(file.path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
    guard opened >= 0 else {
      throw ToolchainError.lockFailed(path: file.path, reason: String(cString: strerror(errno)))
    }
    var status: Int32
    repeat {
      status = flock(opened, mode == .shared ? LOCK_SH : LOCK_EX)
    } while status != 0 && errno == EINTR
    guard status == 0 else {
      let reason = String(cString: strerror(errno))
      close(opened)
      throw ToolchainError.lockFailed(path: file.path, reason: reason)
    }
    descriptor = opened
  }

  deinit {
    flock(descriptor, LOCK_UN)
    close(descriptor)
  }
}
