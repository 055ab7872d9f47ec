import Foundation

/// A child process started with `posix_spawn` in its own process group, with chosen
/// descriptors copied onto 0...N, reaped with `wait4` for its exit status and peak memory.
///
/// `posix_spawn` (not `Foundation.Process`) because the channel must arrive as a known
/// descriptor number and every other descriptor must stay closed.
final class ChildProcess {
  let pid: pid_t
  private(set) var ending: (termination: Termination, peakMemoryBytes: Int)?

  private init(pid: pid_t) { self.pid = pid }

  /// Starts `executable` with `arguments` (not including argv[0]) and exactly `environment`.
  ///
  /// - Parameter descriptors: parent descriptors to install in the child, as
  ///   (parent fd, child fd); the child's stdin is /dev/null unless 0 is given.
  static func spawn(
    executable: String, arguments: [String], environment: [String: String],
    workingDirectory: String?, descriptors: [(Int32, Int32)]
  ) throws -> ChildProcess {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    if !descriptors.contains(where: { $0.1 == 0 }) {
      posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    }
    for (parent, child) in descriptors {
      posix_spawn_file_actions_adddup2(&actions, parent, child)
    }
    let highest = descriptors.map(\.1).max() ?? 2
    _ = SpawnExtensions.closeFrom?(&actions, max(highest, 2) + 1)
    if let workingDirectory, let addChdir = SpawnExtensions.addChdir {
      _ = addChdir(&actions, workingDirectory)
    }

    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    // A group of its own, so a timeout can kill everything the program started; signal
    // dispositions and mask back to defaults whatever the runner set for itself.
    var defaults = sigset_t()
    sigfillset(&defaults)
    var emptyMask = sigset_t()
    sigemptyset(&emptyMask)
    posix_spawnattr_setsigdefault(&attributes, &defaults)
    posix_spawnattr_setsigmask(&attributes, &emptyMask)
    posix_spawnattr_setpgroup(&attributes, 0)
    posix_spawnattr_setflags(
      &attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))

    let argv = ([executable] + arguments).map { strdup($0) } + [nil]
    let envp = environment.sorted { $0.key < $1.key }.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer {
      argv.forEach { free($0) }
      envp.forEach { free($0) }
    }
    var pid: pid_t = 0
    let status = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
    guard status == 0 else { throw ExecutionError.cannotStart(executable: executable, errno: status) }
    LiveChildren.shared.insert(pid)
    return ChildProcess(pid: pid)
  }

  /// Kills the child's whole process group, and the child itself, with SIGKILL.
  func killGroup() {
    _ = killpg(pid, SIGKILL)
    if ending == nil { _ = kill(pid, SIGKILL) }
  }

  /// Reaps the child if it has ended; `wait: true` blocks until it does.
  @discardableResult
  func reap(wait: Bool) -> (termination: Termination, peakMemoryBytes: Int)? {
    if let ending { return ending }
    var status: Int32 = 0
    var usage = rusage()
    while true {
      let result = wait4(pid, &status, wait ? 0 : WNOHANG, &usage)
      if result == pid { break }
      if result == 0 { return nil }
      if result < 0 && errno == EINTR { continue }
      return nil
    }
    LiveChildren.shared.remove(pid)
    let signal = status & 0x7F
    let termination: Termination = signal == 0 ? .exited((status >> 8) & 0xFF) : .signaled(signal)
    let result = (termination, Int(usage.ru_maxrss) * 1024)
    ending = result
    return result
  }
}
