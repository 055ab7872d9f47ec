import Foundation

/// Confines a seed's process with bubblewrap (`bwrap`).
///
/// Inside: no capabilities, no network (new network namespace, like every other namespace), the whole system
/// read-only, a fresh /dev and /proc, `/tmp` an empty private tmpfs, the home folder an empty
/// read-only tmpfs, and only the seed's output and scratch folders writable. The binary, the
/// libraries and the Swift runtime stay visible read-only even when they live under the
/// hidden home or /tmp. `--die-with-parent` ends the sandbox if the runner dies, and
/// `--new-session` keeps the program away from the runner's terminal.
public enum Sandbox {
  /// Where bubblewrap is looked for, before the folders of `PATH`.
  static let knownLocations = ["/usr/bin/bwrap", "/usr/local/bin/bwrap", "/bin/bwrap"]

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
    var arguments = [bwrap, "--unshare-all", "--die-with-parent", "--new-session", "--cap-drop", "ALL"]
    arguments += ["--ro-bind", "/", "/", "--dev", "/dev", "--proc", "/proc", "--tmpfs", "/tmp"]
    let hiddenHome = home.flatMap { hideableHome($0, launch: launch) }
    if let hiddenHome { arguments += ["--tmpfs", hiddenHome] }
    // Mounted after the tmpfs so they show through it; bwrap creates the mount points.
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
    if let hiddenHome { arguments += ["--remount-ro", hiddenHome] }
    arguments += ["--chdir", resolved(launch.effectiveWorkingDirectory), "--"]
    return arguments + command
  }

  /// The path with symlinks resolved: bwrap mounts onto real folders, and a path through a
  /// symlink still reaches them because the rest of the system is visible.
  private static func resolved(_ url: URL) -> String {
    url.standardizedFileURL.resolvingSymlinksInPath().path
  }

  /// The home folder to hide, unless hiding it would hide the root or everything.
  private static func hideableHome(_ home: String, launch: SeedLaunch) -> String? {
    let path = resolved(URL(fileURLWithPath: home))
    guard path.hasPrefix("/"), path != "/", path != "/tmp", !path.hasPrefix("/tmp/"),
      FileManager.default.fileExists(atPath: path)
    else { return nil }
    return path
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
