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
  /// Most processes (threads count) a seed's user may have, when a memory limit is set.
  static let processLimit = 4096

  public init() {}

  /// Runs `launch` to the end and reports what happened.
  ///
  /// Failures of the notebook (errors, traps, timeouts) are in the outcome; this throws only
  /// when the runner itself cannot work (folders, pipes, starting the process, no bwrap).
  public func run(
    _ launch: SeedLaunch, progress: SeedProgressHandler? = nil, output liveOutput: SeedOutputHandler? = nil
  ) throws -> SeedOutcome {
    for folder in [
      launch.outputDirectory.appendingPathComponent("figures"),
      launch.outputDirectory.appendingPathComponent("artifacts"), launch.scratchDirectory,
    ] {
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
    let command = try commandLine(launch, environment: environment)
    FileDescriptor.spawnLock.lock()
    let started = Result { () throws -> (ChildProcess, channel: FileDescriptor, output: FileDescriptor) in
      let channel = try FileDescriptor.pipe()
      let output = try FileDescriptor.pipe()
      let child = try ChildProcess.spawn(
        executable: command[0], arguments: Array(command.dropFirst()), environment: environment,
        workingDirectory: launch.effectiveWorkingDirectory.path,
        descriptors: [
          (output.write.raw, 1), (output.write.raw, 2), (channel.write.raw, SeedLaunch.channelDescriptor),
        ])
      channel.write.close()
      output.write.close()
      return (child, channel.read, output.read)
    }
    FileDescriptor.spawnLock.unlock()
    let (child, channelRead, outputRead) = try started.get()
    let startTime = MonotonicClock.now()
    channelRead.setNonBlocking()
    outputRead.setNonBlocking()

    var supervisor = Supervisor(
      launch: launch, child: child, channel: channelRead, output: outputRead,
      startTime: startTime, progress: progress, liveOutput: liveOutput, sweepToken: sweepToken)
    return supervisor.run()
  }

  /// argv for the child: the binary, possibly behind `prlimit` and `bwrap`.
  private func commandLine(_ launch: SeedLaunch, environment: [String: String]) throws -> [String] {
    var command = [launch.binary.path] + launch.arguments
    if let limit = launch.memoryLimitBytes {
      // RLIMIT_DATA covers the heap and anonymous mappings (Linux 4.7+), unlike RLIMIT_RSS.
      guard let prlimit = ["/usr/bin/prlimit", "/bin/prlimit"].first(where: FileManager.default.isExecutableFile(atPath:))
      else { throw ExecutionError.cannotStart(executable: "prlimit (util-linux), needed for a memory limit", errno: ENOENT) }
      // RLIMIT_NPROC stops a fork bomb, but only for a runner that is not root: the kernel
      // exempts processes whose real user is root, and a user namespace made by root keeps it.
      command = [prlimit, "--data=\(limit)", "--nproc=\(SeedRunner.processLimit)", "--"] + command
    }
    guard launch.sandboxed else { return ParentDeathSignal.wrap(command) }
    guard let bwrap = Sandbox.locate() else {
      let status = Sandbox.probe()
      throw ExecutionError.sandboxUnavailable(
        problem: status.problem ?? "bubblewrap is not installed", fix: status.fix ?? "run with --no-sandbox")
    }
    return Sandbox.commandLine(bwrap: bwrap, launch: launch, command: command, home: environment["HOME"])
  }
}
