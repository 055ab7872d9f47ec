import Foundation

/// An open file descriptor, closed when the owner lets go of it.
final class FileDescriptor {
  private(set) var raw: Int32

  init(_ raw: Int32) { self.raw = raw }

  var isOpen: Bool { raw >= 0 }

  func close() {
    if raw >= 0 { _ = Glibc.close(raw) }
    raw = -1
  }

  deinit { close() }

  /// A pipe whose two ends are close-on-exec and numbered 10 or above, so that parallel
  /// children never inherit each other's pipes and `dup2` onto 0...3 always really copies.
  ///
  /// `pipe2` is not in Swift's Glibc module, so the ends are made close-on-exec after the
  /// fact; callers hold `spawnLock` so no child is started in between.
  static func pipe() throws -> (read: FileDescriptor, write: FileDescriptor) {
    var fds: [Int32] = [-1, -1]
    guard Glibc.pipe(&fds) == 0 else { throw ExecutionError.cannotCreatePipe(errno: errno) }
    let read = fcntl(fds[0], F_DUPFD_CLOEXEC, 10)
    let write = fcntl(fds[1], F_DUPFD_CLOEXEC, 10)
    let failure = errno
    _ = Glibc.close(fds[0])
    _ = Glibc.close(fds[1])
    guard read >= 0, write >= 0 else {
      if read >= 0 { _ = Glibc.close(read) }
      if write >= 0 { _ = Glibc.close(write) }
      throw ExecutionError.cannotCreatePipe(errno: failure)
    }
    return (FileDescriptor(read), FileDescriptor(write))
  }

  /// /dev/null open for writing, close-on-exec and numbered 10 or above (see `pipe()`).
  static func nullSink() throws -> FileDescriptor {
    let opened = open("/dev/null", O_WRONLY | O_CLOEXEC)
    guard opened >= 0 else { throw ExecutionError.cannotCreatePipe(errno: errno) }
    let moved = fcntl(opened, F_DUPFD_CLOEXEC, 10)
    let failure = errno
    _ = Glibc.close(opened)
    guard moved >= 0 else { throw ExecutionError.cannotCreatePipe(errno: failure) }
    return FileDescriptor(moved)
  }

  /// Held while pipes are created and children started (see `pipe()`).
  static let spawnLock = NSLock()

  func setNonBlocking() {
    _ = fcntl(raw, F_SETFL, fcntl(raw, F_GETFL) | O_NONBLOCK)
  }

  /// Result of one non-blocking read.
  enum ReadResult { case data(Int), wouldBlock, endOfFile }

  /// Reads into `buffer` once, retrying on EINTR.
  func read(into buffer: inout [UInt8]) -> ReadResult {
    while true {
      let count = buffer.withUnsafeMutableBytes { Glibc.read(raw, $0.baseAddress, $0.count) }
      if count > 0 { return .data(count) }
      if count == 0 { return .endOfFile }
      if errno == EINTR { continue }
      if errno == EAGAIN || errno == EWOULDBLOCK { return .wouldBlock }
      return .endOfFile
    }
  }
}
