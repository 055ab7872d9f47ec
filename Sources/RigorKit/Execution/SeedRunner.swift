import Foundation

/// Runs one seed of a compiled notebook under supervision.
///
/// The child gets the channel pipe as fd 3 (`RIGOR_CHANNEL_FD`), stdout and stderr on one
/// shared output pipe, /dev/null as stdin, its own process group, and, when sandboxed,
/// bubblewrap around it. One loop reads the channel before the output on every wake-up and
/// handles every event it read before reading output again; the runtime, for its part,
/// waits until the output pipe is drained before each step event and until a step's begin
/// event has been read before the step runs on, so output is credited to the right step.
/// The loop enforces the deadline (a SIGILL for a backtrace, then SIGKILL to the process
/// group) and reaps the child with `wait4` for its status and peak memory.
public struct SeedRunner: Sendable {
  /// Seconds the runner keeps reading after the child ended, for output still in flight
  /// from processes it left behind.
  static let drainGrace = 0.5
  /// Seconds a timed-out program gets to print its backtrace before it is killed.
  static let backtraceGrace = 1.0
  /// Seconds between heartbeat progress reports.
  static let heartbeatInterval = 1.0
  /// Most processes (threads count) a sandboxed seed may have: a fork bomb of 1,000
  /// children gets no more than this many.
  static let processLimit = 256
  /// Most files and folders a seed's output and scratch folders may hold together.
  static let diskEntryLimit = 100_000
  /// Seconds between measurements of the seed's folders (`DiskUsage`).
  static let diskSampleInterval = 0.5

  public init() {}

  /// Runs `launch` to the end and reports what happened.
  ///
  /// Failures of the notebook (errors, traps, timeouts) are in the outcome; this throws only
  /// when the runner itself cannot work (folders, pipes, starting the process, no bwrap).
  public func run(
    _ launch: SeedLaunch, progress: SeedProgressHandler? = nil, output liveOutput: SeedOutputHandler? = nil
  ) throws -> SeedOutcome {
    for folder in Self.folders(of: launch) {
      do {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      } catch {
        throw ExecutionError.cannotCreateFolder(path: folder.path, reason: error.localizedDescription)
      }
    }
    do {
      try Data(launch.parametersJSON.utf8).write(to: launch.parametersFile)
    } catch {
      throw ExecutionError.cannotWriteParameters(path: launch.parametersFile.path, reason: error.localizedDescription)
    }
    var environment = launch.childEnvironment()
    let sweepToken = DetachedProcessSweep.newToken()
    environment[DetachedProcessSweep.variable] = sweepToken
    let identity: SandboxIdentity? = launch.sandboxed ? .current : nil
    if identity == .dedicatedUser { try handOverFolders(of: launch) }
    let command = try commandLine(launch, environment: environment, identity: identity)
    FileDescriptor.spawnLock.lock()
    let started = Result { () throws -> (ChildProcess, channel: FileDescriptor, output: FileDescriptor, handshake: UserNamespaceHandshake?) in
      let channel = try FileDescriptor.pipe()
      let output = try FileDescriptor.pipe()
      let descriptors = [(output.write.raw, 1), (output.write.raw, 2), (channel.write.raw, SeedLaunch.channelDescriptor)]
      let workingDirectory = launch.effectiveWorkingDirectory.path
      var handshake: UserNamespaceHandshake?
      let child: ChildProcess
      if identity == .dedicatedUser {
        handshake = try UserNamespaceHandshake.spawn(
          command, environment: environment, workingDirectory: workingDirectory, descriptors: descriptors)
        child = handshake!.bwrap
      } else {
        child = try ChildProcess.spawn(
          executable: command[0], arguments: Array(command.dropFirst()), environment: environment,
          workingDirectory: workingDirectory, descriptors: descriptors)
      }
      channel.write.close()
      output.write.close()
      return (child, channel.read, output.read, handshake)
    }
    FileDescriptor.spawnLock.unlock()
    let (child, channelRead, outputRead, handshake) = try started.get()
    try handshake?.completeOrStop()
    let startTime = MonotonicClock.now()
    channelRead.setNonBlocking()
    outputRead.setNonBlocking()

    var supervisor = Supervisor(
      launch: launch, child: child, channel: channelRead, output: outputRead,
      startTime: startTime, progress: progress, liveOutput: liveOutput, sweepToken: sweepToken)
    return supervisor.run()
  }

  /// argv for the child: the binary, possibly behind `prlimit` and `bwrap`.
  private func commandLine(_ launch: SeedLaunch, environment: [String: String], identity: SandboxIdentity?) throws -> [String] {
    // Checked here because the program starts behind prlimit, which would turn a missing
    // program into exit status 127 instead of a runner error.
    guard FileManager.default.isExecutableFile(atPath: launch.binary.path) else {
      let missing = !FileManager.default.fileExists(atPath: launch.binary.path)
      throw ExecutionError.cannotStart(executable: launch.binary.path, errno: missing ? ENOENT : EACCES)
    }
    var command = [launch.binary.path] + launch.arguments
    // RLIMIT_DATA covers the heap and anonymous mappings (Linux 4.7+), unlike RLIMIT_RSS.
    // RLIMIT_FSIZE stops one file from outgrowing the disk limit between two of the
    // supervisor's measurements.
    var limits = (launch.memoryLimitBytes.map { ["--data=\($0)"] } ?? []) + ["--fsize=\(launch.diskLimitBytes)"]
    // RLIMIT_NPROC counts the seed's own user namespace; outside a sandbox it would count
    // every process of the runner's user, so it is set only inside one.
    if identity != nil { limits.append("--nproc=\(SeedRunner.processLimit)") }
    guard let prlimit = ["/usr/bin/prlimit", "/bin/prlimit"].first(where: FileManager.default.isExecutableFile(atPath:))
    else { throw ExecutionError.cannotStart(executable: "prlimit (util-linux), needed for the seed's limits", errno: ENOENT) }
    command = [prlimit] + limits + ["--"] + command
    guard let identity else { return ParentDeathSignal.wrap(command) }
    guard let bwrap = Sandbox.locate() else {
      let status = Sandbox.probe()
      throw ExecutionError.sandboxUnavailable(
        problem: status.problem ?? "bubblewrap is not installed", fix: status.fix ?? "run with --no-sandbox")
    }
    var tools = (setpriv: "", unshare: "")
    if identity == .dedicatedUser {
      guard let setpriv = SandboxIdentity.locateSetpriv(), let unshare = SandboxIdentity.locateUnshare() else {
        throw ExecutionError.sandboxUnavailable(
          problem: SandboxIdentity.missingUtilLinux.problem, fix: SandboxIdentity.missingUtilLinux.fix)
      }
      tools = (setpriv, unshare)
    }
    return Sandbox.commandLine(
      bwrap: bwrap, launch: launch, command: command, home: environment["HOME"], identity: identity,
      setpriv: tools.setpriv, unshare: tools.unshare)
  }

  /// The folders a seed writes in, made before it starts: its output folder with `figures/`
  /// and `artifacts/`, and its scratch folder.
  private static func folders(of launch: SeedLaunch) -> [URL] {
    [
      launch.outputDirectory, launch.outputDirectory.appendingPathComponent("figures"),
      launch.outputDirectory.appendingPathComponent("artifacts"), launch.scratchDirectory,
    ]
  }

  /// Gives the seed's folders to the host user a `.dedicatedUser` seed runs as, so it can
  /// write there; the runner, being root, still reads and removes what it leaves.
  private func handOverFolders(of launch: SeedLaunch) throws {
    let id = SandboxIdentity.dedicatedID
    for folder in Self.folders(of: launch) where lchown(folder.path, id, id) != 0 {
      throw ExecutionError.cannotCreateFolder(
        path: folder.path, reason: "cannot hand it to the sandbox's user \(id): \(String(cString: strerror(errno)))")
    }
  }
}
