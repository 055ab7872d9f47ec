import Foundation

/// Which host user a sandboxed seed's processes belong to.
///
/// The process-count limit (RLIMIT_NPROC) is what stops a fork bomb, and the kernel never
/// applies it to processes whose real user is host root, even inside a user namespace. A
/// runner that is root must therefore hand the seed to another host user.
enum SandboxIdentity: Sendable, Equatable {
  /// A runner that is not root: bubblewrap maps the seed's `nobody` onto the runner's own
  /// user, to whom the limit already applies.
  case runnersUser
  /// A root runner: the seed runs as host `nobody` (65534). Bubblewrap waits on
  /// `--userns-block-fd` while the runner writes the namespace's id maps (root for
  /// bubblewrap's own setup, 65534 for the seed), and `setpriv` drops to 65534, with no
  /// capabilities and no way to gain any, before the program starts.
  case dedicatedUser

  /// The identity for a runner with this process's effective user.
  static var current: SandboxIdentity { geteuid() == 0 ? .dedicatedUser : .runnersUser }

  /// The host user and group of a seed run as `.dedicatedUser`.
  static let dedicatedID: uid_t = 65534

  /// Descriptor numbers bubblewrap gets in `.dedicatedUser` mode, after the channel (3):
  /// `--userns-block-fd`, and `--info-fd`, which bubblewrap requires with it and which goes
  /// to /dev/null (see `UserNamespaceHandshake`).
  static let blockDescriptor: Int32 = 4
  static let infoDescriptor: Int32 = 5

  /// Why the sandbox cannot be used by a root runner without util-linux, and the fix.
  static let missingUtilLinux = (
    problem: "setpriv or unshare (util-linux) is not installed; a root runner needs them to run seeds as an unprivileged user",
    fix: "install util-linux (Debian/Ubuntu: sudo apt-get install util-linux), run rigor as a user other than root, or run with --no-sandbox"
  )

  static func locateSetpriv() -> String? {
    ["/usr/bin/setpriv", "/bin/setpriv"].first { FileManager.default.isExecutableFile(atPath: $0) }
  }

  static func locateUnshare() -> String? {
    ["/usr/bin/unshare", "/bin/unshare"].first { FileManager.default.isExecutableFile(atPath: $0) }
  }

  /// bubblewrap's options in `.dedicatedUser` mode, after `--unshare-all --unshare-user`: wait
  /// for the id maps, and keep only the two capabilities `dropCommand` needs to become 65534,
  /// which it loses in doing so.
  static let bubblewrapOptions = [
    "--userns-block-fd", String(blockDescriptor), "--info-fd", String(infoDescriptor),
    "--die-with-parent", "--new-session", "--cap-drop", "ALL", "--cap-add", "CAP_SETUID", "--cap-add", "CAP_SETGID",
  ]

  /// What runs inside the sandbox before the program: become 65534 for good.
  static func dropCommand(setpriv: String) -> [String] {
    let id = String(dedicatedID)
    return [setpriv, "--reuid=\(id)", "--regid=\(id)", "--clear-groups", "--inh-caps=-all", "--no-new-privs", "--"]
  }

  /// What bubblewrap runs behind in `.dedicatedUser` mode, so that the whole sandbox dies
  /// with the runner: `setpriv --pdeathsig` dies with the runner's thread, and `unshare
  /// --kill-child` then kills bubblewrap, the first process of a PID namespace whose end
  /// takes every process inside with it.
  ///
  /// bubblewrap's own `--die-with-parent` is not enough here: its sandbox process arms it
  /// only after the whole setup, which now waits for the runner's id maps, so a runner killed
  /// in between left that process behind for good.
  static func lifelineCommand(setpriv: String, unshare: String) -> [String] {
    [setpriv, "--pdeathsig", "KILL", "--", unshare, "--pid", "--fork", "--kill-child=SIGKILL", "--"]
  }

  /// The first process below `root` in a user namespace other than the runner's: the one
  /// whose id maps the runner writes.
  static func sandboxProcess(below root: pid_t) -> pid_t? {
    guard let own = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/ns/user") else { return nil }
    var pending = [root]
    var visited = 0
    while !pending.isEmpty, visited < 16 {
      let pid = pending.removeFirst()
      visited += 1
      if pid != root, let namespace = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/\(pid)/ns/user"),
        namespace != own
      {
        return pid
      }
      pending += MemorySampler.children(of: pid)
    }
    return nil
  }

  /// The id map written for a `.dedicatedUser` sandbox: root stays root (bubblewrap creates
  /// its mount points as it), and the seed's 65534 is host 65534.
  static var idMap: String { "0 0 1\n\(dedicatedID) \(dedicatedID) 1\n" }
}
