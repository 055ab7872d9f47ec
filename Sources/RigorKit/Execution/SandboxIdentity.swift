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

  /// Descriptor numbers bubblewrap gets in `.dedicatedUser` mode, after the channel (3).
  static let infoDescriptor: Int32 = 4
  static let blockDescriptor: Int32 = 5

  /// Where util-linux's `setpriv` is looked for.
  static let setprivLocations = ["/usr/bin/setpriv", "/bin/setpriv"]

  /// Why the sandbox cannot be used by a root runner without `setpriv`, and the fix.
  static let missingSetpriv = (
    problem: "setpriv (util-linux) is not installed; a root runner needs it to run seeds as an unprivileged user",
    fix: "install util-linux (Debian/Ubuntu: sudo apt-get install util-linux), run rigor as a user other than root, or run with --no-sandbox"
  )

  static func locateSetpriv() -> String? {
    setprivLocations.first { FileManager.default.isExecutableFile(atPath: $0) }
  }

  /// The id map written for a `.dedicatedUser` sandbox: root stays root (bubblewrap creates
  /// its mount points as it), and the seed's 65534 is host 65534.
  static var idMap: String { "0 0 1\n\(dedicatedID) \(dedicatedID) 1\n" }
}
