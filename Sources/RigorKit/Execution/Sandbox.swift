import Foundation

/// Confines a seed's process with bubblewrap (`bwrap`).
///
/// Inside: a new user namespace in which the seed runs as `nobody` (65534) with no
/// capabilities (on the host: the runner's user, or host `nobody` for a root runner, see
/// `SandboxIdentity`); every other namespace new too (no network, no host Unix sockets, no IPC);
/// only the paths in `systemPaths` plus the binary, the libraries and the Swift runtime,
/// read-only; a fresh /dev and /proc; a private `/tmp` tmpfs of `tmpBytes`; and only the
/// seed's output and scratch folders writable. The rest of the host (the home folder, /work,
/// /etc/shadow, /run, /var) is simply absent. `--die-with-parent` ends the sandbox if the
/// runner dies, and `--new-session` keeps the program away from the runner's terminal.
public enum Sandbox {
  /// Where bubblewrap is looked for, before the folders of `PATH`.
  static let knownLocations = ["/usr/bin/bwrap", "/usr/local/bin/bwrap", "/bin/bwrap"]

  /// The host paths every seed sees, read-only: programs and system libraries, and the few
  /// files of /etc the dynamic loader and the C library read (BLAS is found through
  /// /etc/alternatives on Debian). The one list to extend when seeds need more (the model store).
  public static let systemPaths = [
    "/usr", "/bin", "/sbin", "/lib", "/lib64", "/lib32", "/libx32", "/opt/swift",
    "/etc/ld.so.cache", "/etc/ld.so.conf", "/etc/ld.so.conf.d", "/etc/alternatives", "/etc/localtime",
    "/etc/passwd", "/etc/group", "/etc/nsswitch.conf",
  ]

  /// The user and group a seed runs as inside its namespace: `nobody`.
  static let unprivilegedID = "65534"

  /// Size of the seed's private `/tmp`: 1 GiB (its scratch folder is the place for big files).
  static let tmpBytes = 1 << 30

  /// The bubblewrap executable, if installed.
  public static func locate(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
    let fromPath = (environment["PATH"] ?? "").split(separator: ":").map { "\($0)/bwrap" }
    return (knownLocations + fromPath).first { FileManager.default.isExecutableFile(atPath: $0) }
  }

  /// The full command line that runs `command` for `launch` inside the sandbox.
  ///
  /// For `.dedicatedUser`, bubblewrap runs behind `SandboxIdentity.lifelineCommand`, waits
  /// for the runner to write the id maps (`UserNamespaceHandshake`), and `setpriv` (at
  /// `setpriv`) drops to 65534 before `command`.
  static func commandLine(
    bwrap: String, launch: SeedLaunch, command: [String], home: String?,
    identity: SandboxIdentity = .current, setpriv: String = "/usr/bin/setpriv", unshare: String = "/usr/bin/unshare"
  ) -> [String] {
    // --cap-drop ALL matters when the runner is root: bwrap would otherwise keep every
    // capability, and CAP_SYS_ADMIN can remount / writable.
    var arguments = [bwrap, "--unshare-all", "--unshare-user"]
    switch identity {
    case .runnersUser:
      arguments += ["--uid", unprivilegedID, "--gid", unprivilegedID, "--die-with-parent", "--new-session", "--cap-drop", "ALL"]
    case .dedicatedUser:
      arguments += SandboxIdentity.bubblewrapOptions
    }
    // bwrap makes missing mount points' parents mode 0700, which a seed that is not the
    // namespace's root could not pass through; made here first, they are 0755.
    let existingSystemPaths = systemPaths.filter { FileManager.default.fileExists(atPath: $0) }
    for folder in mountPointParents(of: existingSystemPaths) { arguments += ["--dir", folder] }
    for path in systemPaths {
      var info = stat()
      guard lstat(path, &info) == 0 else { continue }
      if info.st_mode & S_IFMT == S_IFLNK, let target = try? FileManager.default.destinationOfSymbolicLink(atPath: path) {
        arguments += ["--symlink", target, path]  // /bin -> usr/bin on merged-/usr systems
      } else {
        arguments += ["--ro-bind", path, path]
      }
    }
    // World-writable and sticky like a host /tmp: the seed is not the namespace's root.
    arguments += ["--dev", "/dev", "--proc", "/proc", "--size", String(tmpBytes), "--perms", "1777", "--tmpfs", "/tmp"]
    // The home folder exists but is empty and read-only, so programs that look there find nothing.
    let emptyHome = home.flatMap { $0.hasPrefix("/") && $0 != "/" && $0 != "/tmp" && !$0.hasPrefix("/tmp/") ? $0 : nil }
    if let emptyHome { arguments += ["--size", "65536", "--tmpfs", emptyHome] }
    // Mounted after /tmp so they show through it.
    var visible: [String] = []
    for url in launch.readOnlyPaths + [launch.binary.deletingLastPathComponent()] + runtimeFolders() {
      let path = resolved(url)
      if FileManager.default.fileExists(atPath: path), !visible.contains(path) { visible.append(path) }
    }
    let writable = [launch.outputDirectory, launch.scratchDirectory].map(resolved)
    for folder in mountPointParents(of: visible + writable) { arguments += ["--dir", folder] }
    for path in visible { arguments += ["--ro-bind", path, path] }
    for path in writable { arguments += ["--bind", path, path] }
    if let emptyHome { arguments += ["--remount-ro", emptyHome] }
    arguments += ["--remount-ro", "/"]  // the sandbox's own root folder, not the host's
    arguments += ["--chdir", resolved(launch.effectiveWorkingDirectory), "--"]
    guard identity == .dedicatedUser else { return arguments + command }
    return SandboxIdentity.lifelineCommand(setpriv: setpriv, unshare: unshare) + arguments
      + SandboxIdentity.dropCommand(setpriv: setpriv) + command
  }

  /// The folders above `paths` that bwrap would otherwise create, outermost first: not `/`,
  /// and none inside a system path (those exist, read-only).
  static func mountPointParents(of paths: [String]) -> [String] {
    var folders: [String] = []
    for path in paths {
      var components = path.split(separator: "/").map(String.init)
      components.removeLast()
      var current = ""
      for component in components {
        current += "/" + component
        let system = systemPaths.contains { current == $0 || current.hasPrefix($0 + "/") }
        if !system, !folders.contains(current) { folders.append(current) }
      }
    }
    return folders
  }

  /// The path with symlinks resolved: bwrap mounts onto real folders, and a path through a
  /// symlink still reaches them because the rest of the system is visible.
  private static func resolved(_ url: URL) -> String {
    url.standardizedFileURL.resolvingSymlinksInPath().path
  }

  /// The Swift toolchain's `usr` folder (runtime libraries and `swift-backtrace`), found from
  /// the runtime this process uses, so crash reports work when the toolchain is under home.
  static func runtimeFolders() -> [URL] {
    guard let maps = try? String(contentsOfFile: "/proc/self/maps", encoding: .utf8) else { return [] }
    for line in maps.split(separator: "\n") {
      guard let slash = line.firstIndex(of: "/"), line.hasSuffix("/libswiftCore.so") else { continue }
      let library = URL(fileURLWithPath: String(line[slash...]))
      // usr/lib/swift/linux/libswiftCore.so -> usr
      return [library.deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()]
    }
    return []
  }
}
