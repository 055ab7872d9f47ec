import Foundation

/// Kills the processes a seed left behind outside its process group.
///
/// The supervisor kills a seed's process group when the seed ends, but a program can leave it:
/// `setsid()` then `fork()` makes a grandchild in a session of its own, which outlives the seed
/// unless a sandbox's PID namespace takes it down (`--no-sandbox` has none). Each seed gets a
/// random token in its environment (``variable``); children inherit it, so when the seed ends
/// every process still carrying it (read from `/proc/PID/environ`) is killed, in rounds until
/// none is left, so a process forking while it is being killed cannot outrun the sweep.
/// A program that clears its environment before detaching escapes this; `--no-sandbox` is the
/// user's statement that the notebook is trusted, and this only stops honest leaks.
enum DetachedProcessSweep {
  /// The environment variable holding a seed's token.
  static let variable = "RIGOR_SEED_TOKEN"
  /// Sweeps tried before giving up on a process that keeps forking.
  static let maxRounds = 50

  /// A fresh random token (128 bits, hex).
  static func newToken() -> String {
    (0..<2).map { _ in String(UInt64.random(in: .min ... .max), radix: 16) }.joined(separator: "-")
  }

  /// Kills (SIGKILL) every process other than this one whose environment holds `token`; returns
  /// how many it signalled.
  @discardableResult
  static func killAll(token: String) -> Int {
    let needle = Array("\(variable)=\(token)".utf8)
    let me = getpid()
    var killed = 0
    for round in 0..<maxRounds {
      var found = 0
      for pid in processIDs() where pid != me && environment(of: pid, contains: needle) {
        if kill(pid, SIGKILL) == 0 { found += 1 }
      }
      killed += found
      if found == 0 { break }
      // A process that was forking when its parent died shows its child a moment later.
      if round < maxRounds - 1 { usleep(5_000) }
    }
    return killed
  }

  /// The ids of the processes listed in /proc now.
  static func processIDs() -> [pid_t] {
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: "/proc") else { return [] }
    return names.compactMap { pid_t($0) }
  }

  /// Whether `pid`'s initial environment has the entry `needle` (`NAME=VALUE`), compared whole.
  /// A zombie's or another user's environment reads as empty.
  static func environment(of pid: pid_t, contains needle: [UInt8]) -> Bool {
    let descriptor = open("/proc/\(pid)/environ", O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else { return false }
    defer { close(descriptor) }
    var data: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 16 * 1024)
    while data.count < 4 << 20 {
      let count = read(descriptor, &chunk, chunk.count)
      if count < 0 && errno == EINTR { continue }
      if count <= 0 { break }
      data += chunk[..<count]
    }
    for entry in data.split(separator: 0, omittingEmptySubsequences: true) where entry.elementsEqual(needle) {
      return true
    }
    return false
  }
}
