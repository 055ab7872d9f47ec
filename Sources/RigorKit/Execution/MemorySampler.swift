import Foundation

/// Tracks the peak resident memory of a process tree by reading each descendant's high-water
/// mark (`VmHWM` in /proc/PID/status) while it runs.
///
/// `wait4` alone is not enough under bubblewrap: with a PID namespace, bwrap's monitor
/// returns as soon as its init reports the exit status, without reaping the init, so the
/// program's `ru_maxrss` never reaches the runner. The high-water mark only grows, so a
/// sample taken any time before exit already holds the peak so far.
struct MemorySampler {
  let rootPID: pid_t
  /// The largest high-water mark of a single process seen so far, in bytes.
  private(set) var peakBytes = 0

  init(rootPID: pid_t) { self.rootPID = rootPID }

  mutating func sample() {
    var pending = [rootPID]
    var visited = 0
    while let pid = pending.popLast(), visited < 256 {
      visited += 1
      if let bytes = Self.highWaterMark(of: pid) { peakBytes = max(peakBytes, bytes) }
      pending += Self.children(of: pid)
    }
  }

  static func highWaterMark(of pid: pid_t) -> Int? {
    guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
      let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") })
    else { return nil }
    let fields = line.split(separator: " ", omittingEmptySubsequences: true)
    guard fields.count >= 2, let kilobytes = Int(fields[1]) else { return nil }
    return kilobytes * 1024
  }

  static func children(of pid: pid_t) -> [pid_t] {
    guard let text = try? String(contentsOfFile: "/proc/\(pid)/task/\(pid)/children", encoding: .utf8)
    else { return [] }
    return text.split(separator: " ").compactMap { pid_t($0) }
  }
}
