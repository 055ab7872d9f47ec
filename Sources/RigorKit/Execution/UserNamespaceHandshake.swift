import Foundation

/// The runner's half of bubblewrap's `--info-fd` / `--userns-block-fd` exchange: read the
/// sandbox's process id, write its user and group id maps, then let it go on.
struct UserNamespaceHandshake {
  /// Seconds to wait for bubblewrap to announce its sandbox process.
  static let timeoutSeconds = 10.0

  let info: FileDescriptor
  let block: FileDescriptor

  /// Completes the exchange; returns nil when bubblewrap exited before announcing itself
  /// (its own error is then in the seed's output), or throws when the maps cannot be written.
  func complete() throws -> pid_t? {
    defer { block.close() }
    guard let announcement = readAnnouncement() else { return nil }
    guard
      let object = try? JSONSerialization.jsonObject(with: announcement) as? [String: Any],
      let pid = object["child-pid"] as? Int, pid > 1, pid <= Int(Int32.max)
    else {
      throw ExecutionError.sandboxUnavailable(
        problem: "bubblewrap announced no sandbox process (\(String(decoding: announcement.prefix(200), as: UTF8.self)))",
        fix: "reinstall bubblewrap (0.5 or newer), or run with --no-sandbox")
    }
    for file in ["uid_map", "gid_map"] {
      let path = "/proc/\(pid)/\(file)"
      do {
        try Data(SandboxIdentity.idMap.utf8).write(to: URL(fileURLWithPath: path))
      } catch {
        throw ExecutionError.sandboxUnavailable(
          problem: "cannot write \(path): \(error.localizedDescription)",
          fix: "run rigor as a user other than root, or with --no-sandbox")
      }
    }
    var go: UInt8 = 1
    _ = Glibc.write(block.raw, &go, 1)
    return pid_t(pid)
  }

  /// Bubblewrap's JSON object, read up to its closing brace; nil at end of file or timeout.
  private func readAnnouncement() -> Data? {
    var collected = Data()
    let deadline = MonotonicClock.now() + Self.timeoutSeconds
    var buffer = [UInt8](repeating: 0, count: 4096)
    while collected.count < 65536 {
      let remaining = deadline - MonotonicClock.now()
      guard remaining > 0 else { return nil }
      var poller = pollfd(fd: info.raw, events: Int16(POLLIN), revents: 0)
      let ready = poll(&poller, 1, Int32(remaining * 1000) + 1)
      if ready < 0 && errno == EINTR { continue }
      guard ready > 0 else { return nil }
      let count = buffer.withUnsafeMutableBytes { Glibc.read(info.raw, $0.baseAddress, $0.count) }
      if count < 0 && errno == EINTR { continue }
      guard count > 0 else { return nil }
      collected.append(contentsOf: buffer[0..<count])
      if collected.contains(UInt8(ascii: "}")) { return collected }
    }
    return nil
  }
}
