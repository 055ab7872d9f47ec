import Foundation

/// Whether the sandbox can be used on this machine, and if not, what to do about it.
public struct SandboxStatus: Sendable, Hashable {
  /// The bubblewrap executable, when found.
  public var bwrapPath: String?
  /// True when a trial sandbox ran `true` successfully.
  public var isUsable: Bool
  /// What went wrong (bubblewrap's own message when it ran), nil when usable.
  public var problem: String?
  /// How to fix it, for the user; nil when usable.
  public var fix: String?
}

extension Sandbox {
  /// Tries the sandbox the way seeds use it (all namespaces, read-only root, fresh /dev,
  /// /proc and /tmp) on `true`, and explains any failure.
  public static func probe(environment: [String: String] = ProcessInfo.processInfo.environment) -> SandboxStatus {
    guard let bwrap = locate(environment: environment) else {
      return SandboxStatus(
        bwrapPath: nil, isUsable: false, problem: "bubblewrap (bwrap) is not installed",
        fix: "install bubblewrap (Debian/Ubuntu: sudo apt-get install bubblewrap; Fedora: sudo dnf install bubblewrap), or run with --no-sandbox")
    }
    if SandboxIdentity.current == .dedicatedUser, SandboxIdentity.locateSetpriv() == nil || SandboxIdentity.locateUnshare() == nil {
      return SandboxStatus(
        bwrapPath: bwrap, isUsable: false, problem: SandboxIdentity.missingUtilLinux.problem,
        fix: SandboxIdentity.missingUtilLinux.fix)
    }
    let trueCommand = ["/usr/bin/true", "/bin/true"].first { FileManager.default.isExecutableFile(atPath: $0) } ?? "true"
    if SandboxIdentity.current == .dedicatedUser, let setpriv = SandboxIdentity.locateSetpriv(),
      let unshare = SandboxIdentity.locateUnshare()
    {
      return probeDedicatedUser(bwrap: bwrap, setpriv: setpriv, unshare: unshare, trueCommand: trueCommand)
    }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: bwrap)
    process.arguments = [
      "--unshare-all", "--die-with-parent", "--new-session", "--cap-drop", "ALL", "--ro-bind", "/", "/", "--dev", "/dev",
      "--proc", "/proc", "--tmpfs", "/tmp", "--", trueCommand,
    ]
    let errors = Pipe()
    process.standardError = errors
    process.standardOutput = FileHandle.nullDevice
    do {
      try process.run()
    } catch {
      return SandboxStatus(
        bwrapPath: bwrap, isUsable: false, problem: "cannot run \(bwrap): \(error.localizedDescription)",
        fix: "reinstall bubblewrap, or run with --no-sandbox")
    }
    let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
      .trimmingCharacters(in: .whitespacesAndNewlines)
    process.waitUntilExit()
    if process.terminationStatus == 0 {
      return SandboxStatus(bwrapPath: bwrap, isUsable: true, problem: nil, fix: nil)
    }
    return SandboxStatus(
      bwrapPath: bwrap, isUsable: false,
      problem: message.isEmpty ? "bwrap exited with status \(process.terminationStatus)" : message,
      fix: namespaceFix())
  }

  /// The trial for a root runner: the id-map handshake and the drop to host 65534, the way
  /// seeds get them (`SandboxIdentity.dedicatedUser`).
  static func probeDedicatedUser(bwrap: String, setpriv: String, unshare: String, trueCommand: String) -> SandboxStatus {
    let command =
      SandboxIdentity.lifelineCommand(setpriv: setpriv, unshare: unshare)
      + [bwrap, "--unshare-all", "--unshare-user"] + SandboxIdentity.bubblewrapOptions
      + ["--ro-bind", "/", "/", "--dev", "/dev", "--proc", "/proc", "--tmpfs", "/tmp", "--"]
      + SandboxIdentity.dropCommand(setpriv: setpriv) + [trueCommand]
    func unusable(_ problem: String) -> SandboxStatus {
      SandboxStatus(bwrapPath: bwrap, isUsable: false, problem: problem, fix: namespaceFix())
    }
    FileDescriptor.spawnLock.lock()
    let started = Result { () throws -> (UserNamespaceHandshake, errors: FileDescriptor) in
      let errors = try FileDescriptor.pipe()
      let handshake = try UserNamespaceHandshake.spawn(
        command, environment: ["PATH": "/usr/bin:/bin"], workingDirectory: nil,
        descriptors: [(errors.write.raw, 1), (errors.write.raw, 2)])
      errors.write.close()
      return (handshake, errors.read)
    }
    FileDescriptor.spawnLock.unlock()
    let handshake: UserNamespaceHandshake, errors: FileDescriptor
    do {
      (handshake, errors) = try started.get()
    } catch {
      return unusable("cannot run \(bwrap): \(error)")
    }
    do {
      try handshake.completeOrStop()
    } catch {
      if case .sandboxUnavailable(let problem, _) = error as? ExecutionError { return unusable(problem) }
      return unusable("\(error)")
    }
    let termination = handshake.bwrap.reap(wait: true)?.termination
    var message = Data()
    var buffer = [UInt8](repeating: 0, count: 4096)
    while message.count < 65536, case .data(let count) = errors.read(into: &buffer) {
      message.append(contentsOf: buffer[0..<count])
    }
    if termination == .exited(0) { return SandboxStatus(bwrapPath: bwrap, isUsable: true, problem: nil, fix: nil) }
    let text = String(decoding: message, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    return unusable(text.isEmpty ? "bwrap ended with \(termination.map { "\($0)" } ?? "no status")" : text)
  }

  /// The fix for a bubblewrap that is installed but cannot create namespaces, chosen from
  /// the kernel settings that usually cause it.
  static func namespaceFix() -> String {
    func setting(_ path: String) -> String? {
      (try? String(contentsOfFile: path, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines)
    }
    if setting("/proc/sys/kernel/unprivileged_userns_clone") == "0" {
      return "enable unprivileged user namespaces: sudo sysctl -w kernel.unprivileged_userns_clone=1, or run with --no-sandbox"
    }
    if setting("/proc/sys/kernel/apparmor_restrict_unprivileged_userns") == "1" {
      return "AppArmor blocks user namespaces: sudo sysctl -w kernel.apparmor_restrict_unprivileged_userns=0 (or add an AppArmor profile for bwrap), or run with --no-sandbox"
    }
    if setting("/proc/sys/user/max_user_namespaces") == "0" {
      return "user namespaces are disabled: sudo sysctl -w user.max_user_namespaces=15000, or run with --no-sandbox"
    }
    return "allow user namespaces for bwrap (in a container: run it with --security-opt seccomp=unconfined and --security-opt apparmor=unconfined, or --privileged), or run with --no-sandbox"
  }
}
