import Foundation

/// The write end of the pipe to the supervisor, carrying one JSON object per line.
///
/// Metrics travel here and never through stdout, so nothing a step prints can forge them.
/// The supervisor passes the descriptor number in `RIGOR_CHANNEL_FD`.
final class Channel {
  /// Environment variable holding the channel's file descriptor number.
  static let environmentKey = ChannelEnvironment.channelFD

  let fd: Int32
  private let lock = NSLock()

  init(fd: Int32) { self.fd = fd }

  /// The channel the supervisor set up, or nil when the program runs outside Rigor.
  static func fromEnvironment(_ environment: [String: String]) -> Channel? {
    guard let text = environment[environmentKey], let fd = Int32(text), fd > 2 else { return nil }
    let flags = fcntl(fd, F_GETFD)
    guard flags >= 0 else { return nil }
    // Processes the step starts must not inherit the channel and write to it.
    _ = fcntl(fd, F_SETFD, flags | FD_CLOEXEC)
    return Channel(fd: fd)
  }

  /// Writes one event as a whole line; lines from several threads never interleave.
  func send(_ event: ChannelEvent) {
    let bytes = Array(event.line.utf8)
    lock.lock()
    defer { lock.unlock() }
    var offset = 0
    while offset < bytes.count {
      let written = bytes.withUnsafeBytes { raw in
        write(fd, raw.baseAddress! + offset, raw.count - offset)
      }
      if written < 0 {
        if errno == EINTR { continue }
        return  // The supervisor is gone; nobody is left to tell.
      }
      offset += written
    }
  }
}
