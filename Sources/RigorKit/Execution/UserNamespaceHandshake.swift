import Foundation

/// The runner's half of bubblewrap's `--userns-block-fd` exchange: find the sandbox's first
/// process, write its user and group id maps, then let it go on.
///
/// The process is found as the first one below the spawned command in another user
/// namespace (`SandboxIdentity.sandboxProcess(below:)`), and
/// `--info-fd` (which bubblewrap requires with `--userns-block-fd`) goes to /dev/null:
/// bubblewrap writes it before it releases its child, so a runner killed before reading a
/// pipe there would kill bubblewrap with SIGPIPE and leave the child waiting for that release
/// forever. As it is, a runner killed mid-exchange only closes the block descriptor; the
/// child reads end of file, finds no id maps, and exits.
struct UserNamespaceHandshake {
  /// Seconds to wait for bubblewrap's child to appear.
  static let timeoutSeconds = 10.0

  let bwrap: ChildProcess
  let block: FileDescriptor

  /// Starts `command` (bubblewrap in `.dedicatedUser` mode, behind its lifeline) with the
  /// block and info descriptors it expects added to `descriptors`. The caller holds
  /// `FileDescriptor.spawnLock`, and completes the exchange once it has let go of it.
  static func spawn(
    _ command: [String], environment: [String: String], workingDirectory: String?, descriptors: [(Int32, Int32)]
  ) throws -> UserNamespaceHandshake {
    let block = try FileDescriptor.pipe()
    let sink = try FileDescriptor.nullSink()
    let child = try ChildProcess.spawn(
      executable: command[0], arguments: Array(command.dropFirst()), environment: environment,
      workingDirectory: workingDirectory,
      descriptors: descriptors + [(block.read.raw, SandboxIdentity.blockDescriptor), (sink.raw, SandboxIdentity.infoDescriptor)])
    block.read.close()
    return UserNamespaceHandshake(bwrap: child, block: block.write)
  }

  /// `complete()`, stopping bubblewrap when the exchange fails.
  func completeOrStop() throws {
    do {
      _ = try complete()
    } catch {
      bwrap.killGroup()
      bwrap.reap(wait: true)
      throw error
    }
  }

  /// Completes the exchange; returns nil when bubblewrap exited before making its child (its
  /// own error is then in the seed's output), or throws when the maps cannot be written.
  func complete() throws -> pid_t? {
    defer { block.close() }
    let deadline = MonotonicClock.now() + Self.timeoutSeconds
    var child: pid_t?
    while child == nil {
      child = SandboxIdentity.sandboxProcess(below: bwrap.pid)
      if child != nil { break }
      if bwrap.reap(wait: false) != nil { return nil }
      guard MonotonicClock.now() < deadline else {
        throw ExecutionError.sandboxUnavailable(
          problem: "bubblewrap made no sandbox process within \(Int(Self.timeoutSeconds)) s",
          fix: "check that bubblewrap runs (bwrap --unshare-all --ro-bind / / true), or run with --no-sandbox")
      }
      usleep(500)
    }
    guard let child else { return nil }
    for file in ["uid_map", "gid_map"] {
      let path = "/proc/\(child)/\(file)"
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
    return child
  }
}
