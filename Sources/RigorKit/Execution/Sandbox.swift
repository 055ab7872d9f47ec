import Foundation

/// Confines a seed's process with bubblewrap (`bwrap`).
///
/// Inside: a new user namespace in which the seed runs as `nobody` (65534) with no
/// capabilities; every other namespace new too (no network, no host Unix sockets, no IPC);
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
  static func commandLine(
    bwrap: String, launch: SeedLaunch, command: [String], home: String?
  ) -> [String] {
    // --cap-drop ALL matters when the runner is root: bwrap would otherwise keep every
    // capability, and CAP_SYS_ADMIN can remount / writable.
    var arguments = [
      bwrap, "--unshare-all", "--unshare-user", "--uid", unprivilegedID, "--gid", unprivilegedID,
      "--die-with-parent", "--new-session", "--cap-drop", "ALL",
    ]
    for path in systemPaths {
      var info = stat()
      guard lstat(path, &info) == 0 else { continue }
      if info.st_mode & S_IFMT == S_IFLNK, let target = try? FileManager.default.destinationOfSymbolicLink(atPath: path) {
        arguments += ["--symlink", target, path]  // /bin -> usr/bin on merged-/usr systems
      } else {
        arguments += ["--ro-bind", path, path]
      }
    }
    arguments += ["--dev", "/dev", "--proc", "/proc", "--size", String(tmpBytes), "--tmpfs", "/tmp"]
    // The home folder exists but is empty and read-only, so programs that look there find nothing.
    let emptyHome = home.flatMap { $0.hasPrefix("/") && $0 != "/" && $0 != "/tmp" && !$0.hasPrefix("/tmp/") ? $0 : nil }
    if let emptyHome { arguments += ["--size", "65536", "--tmpfs", emptyHome] }
    // Mounted after /tmp so they show through it; bwrap creates the mount points.
    var visible: [String] = []
    for url in launch.readOnlyPaths + [launch.binary.deletingLastPathComponent()] + runtimeFolders() {
      let path = resolved(url)
      if FileManager.default.fileExists(atPath: path), !visible.contains(path) { visible.append(path) }
    }
    for path in visible { arguments += ["--ro-bind", path, path] }
    for url in [launch.outputDirectory, launch.scratchDirectory] {
      let path = resolved(url)
      arguments += ["--bind", path, path]
    }
    if let emptyHome { arguments += ["--remount-ro", emptyHome] }
    arguments += ["--remount-ro", "/"]  // the sandbox's own root folder, not the host's
    arguments += ["--chdir", resolved(launch.effectiveWorkingDirectory), "--"]
    return arguments + command
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
