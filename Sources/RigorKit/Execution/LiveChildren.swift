import Foundation

/// The seed processes running now, so an interrupted runner can stop them all.
public final class LiveChildren: @unchecked Sendable {
  public static let shared = LiveChildren()
  private let lock = NSLock()
  private var pids: Set<pid_t> = []

  func insert(_ pid: pid_t) { lock.withLock { _ = pids.insert(pid) } }
  func remove(_ pid: pid_t) { lock.withLock { _ = pids.remove(pid) } }

  /// Kills every running seed's process group with SIGKILL, e.g. from a SIGINT handler.
  /// (Sandboxed seeds would die with the runner anyway; unsandboxed ones would not.)
  public func killAll() {
    for pid in lock.withLock({ pids }) {
      _ = killpg(pid, SIGKILL)
      _ = kill(pid, SIGKILL)
    }
  }
}
