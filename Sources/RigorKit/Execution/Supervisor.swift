import Foundation

/// The read-and-wait loop for one running child (see `SeedRunner`).
struct Supervisor {
  let launch: SeedLaunch
  let child: ChildProcess
  let channel: FileDescriptor
  let output: FileDescriptor
  let startTime: Double
  let progress: SeedProgressHandler?
  let liveOutput: SeedOutputHandler?

  private var session: SeedSession
  private var channelLines = LineSplitter(maxLineBytes: RigorLimits.maxLineBytes)
  private var buffer = [UInt8](repeating: 0, count: 64 * 1024)
  private var timedOut = false
  private var killTime: Double?
  private var exitTime: Double?
  private var lastReport = 0.0
  private var memory: MemorySampler
  private var lastSample = 0.0
  private var lastDiskSample = 0.0
  private var killedGroup = false
  /// The token in the seed's environment, to find what it detached (``DetachedProcessSweep``).
  let sweepToken: String?

  init(
    launch: SeedLaunch, child: ChildProcess, channel: FileDescriptor, output: FileDescriptor,
    startTime: Double, progress: SeedProgressHandler?, liveOutput: SeedOutputHandler? = nil,
    sweepToken: String? = nil
  ) {
    self.sweepToken = sweepToken
    self.liveOutput = liveOutput
    self.launch = launch
    self.child = child
    self.channel = channel
    self.output = output
    self.startTime = startTime
    self.progress = progress
    self.session = SeedSession(launch: launch)
    self.memory = MemorySampler(rootPID: child.pid)
  }

  mutating func run() -> SeedOutcome {
    report(.started)
    let deadline = startTime + launch.timeoutSeconds
    while true {
      let now = MonotonicClock.now()
      if exitTime == nil, now - lastSample >= 0.2 {
        memory.sample()
        lastSample = now
      }
      if exitTime == nil, !killedGroup, now - lastDiskSample >= SeedRunner.diskSampleInterval {
        lastDiskSample = now
        checkDiskUse()
      }
      if exitTime == nil, child.reap(wait: false) != nil {
        exitTime = now
        // Whatever the program left running goes with it: its group, and what it detached.
        child.killGroup()
        sweepDetached()
      }
      if exitTime == nil, !timedOut, now >= deadline {
        timedOut = true
        killTime = now
        interruptForBacktrace()
      }
      if exitTime == nil, let killTime, !killedGroup,
        now - killTime >= SeedRunner.backtraceGrace || session.outputTailContains("Backtrace took")
      {
        killedGroup = true
        child.killGroup()
      }
      let pipesOpen = channel.isOpen || output.isOpen
      if let exitTime, !pipesOpen || now - exitTime > SeedRunner.drainGrace { break }
      if let killTime, now - killTime > SeedRunner.backtraceGrace + 1.5 {
        // Killed but not reaped yet (an uninterruptible sleep): wait for it rather than spin.
        child.reap(wait: true)
        continue
      }
      // Past the deadline (killed, waiting for the end) a short nap, not a spin.
      waitForInput(until: now >= deadline ? now + 0.05 : min(deadline, now + 0.1), pipesOpen: pipesOpen)
      if now - lastReport >= SeedRunner.heartbeatInterval { report(.heartbeat) }
    }
    drainChannel()
    drainOutput(limit: 64 << 20)
    let ending = child.reap(wait: true)!
    sweepDetached()
    let endTime = killTime ?? exitTime ?? MonotonicClock.now()
    let outcome = session.outcome(
      SeedSession.Ending(
        termination: Self.unwrapSandbox(ending.termination, sandboxed: launch.sandboxed),
        timedOut: timedOut, startTime: startTime, endTime: endTime,
        peakMemoryBytes: max(ending.peakMemoryBytes, memory.peakBytes, session.reportedPeakMemoryBytes)))
    report(.ended)
    channel.close()
    output.close()
    return outcome
  }

  /// Kills the processes the seed detached from its group (`setsid` then `fork`).
  private func sweepDetached() {
    if let sweepToken { DetachedProcessSweep.killAll(token: sweepToken) }
  }

  /// Stops the seed when its folders hold more than its disk limit allows.
  private mutating func checkDiskUse() {
    let usage = DiskUsage.measure([launch.outputDirectory, launch.scratchDirectory], entryLimit: SeedRunner.diskEntryLimit)
    let reason: String
    if usage.bytes > launch.diskLimitBytes {
      reason = "its output and scratch folders took \(ByteCount(usage.bytes)), past its disk limit of \(ByteCount(launch.diskLimitBytes))"
    } else if usage.entries > SeedRunner.diskEntryLimit {
      reason = "its output and scratch folders held more than \(SeedRunner.diskEntryLimit) files and folders, its limit"
    } else {
      return
    }
    session.stop(atLimit: reason)
    killedGroup = true
    child.killGroup()
  }

  /// Kills the seed's processes after a protocol violation and stops reading the channel.
  private mutating func stopForViolation() {
    if !killedGroup {
      killedGroup = true
      child.killGroup()
    }
    channel.close()
  }

  /// Asks the timed-out program where it is: SIGILL makes Swift's backtracer print the
  /// running thread's stack (it does not handle SIGQUIT), which locates the timeout in the
  /// notebook. The process group is killed after `backtraceGrace` or once the trace is out.
  ///
  /// Under bubblewrap the signal goes to the sandboxed processes themselves: signalling bwrap
  /// would only kill the sandbox.
  private func interruptForBacktrace() {
    let targets = launch.sandboxed ? Self.programProcesses(below: child.pid) : [child.pid]
    for pid in targets { _ = kill(pid, SIGILL) }
  }

  /// The descendants of `root` that are not bubblewrap itself or what it runs behind
  /// (`SandboxIdentity.lifelineCommand`).
  static func programProcesses(below root: pid_t) -> [pid_t] {
    var found: [pid_t] = []
    var pending = MemorySampler.children(of: root)
    while let pid = pending.popLast(), found.count < 256 {
      let name = (try? String(contentsOfFile: "/proc/\(pid)/comm", encoding: .utf8))?
        .trimmingCharacters(in: .whitespacesAndNewlines)
      if !["bwrap", "unshare", "setpriv"].contains(name) { found.append(pid) }
      pending += MemorySampler.children(of: pid)
    }
    return found
  }

  /// bubblewrap reports a child killed by signal N as exit status 128 + N.
  static func unwrapSandbox(_ termination: Termination, sandboxed: Bool) -> Termination {
    if sandboxed, case .exited(let code) = termination, code > 128, code < 128 + 65 {
      return .signaled(code - 128)
    }
    return termination
  }

  /// Sleeps until a pipe has data or `until`, then reads the channel first and the output
  /// second, so a step's begin event is seen before the output that follows it.
  private mutating func waitForInput(until: Double, pipesOpen: Bool) {
    let timeout = Int32(max(0, min(100, (until - MonotonicClock.now()) * 1000)).rounded(.up))
    guard pipesOpen else {
      usleep(UInt32(max(1, timeout)) * 1000)
      return
    }
    var fds = [
      pollfd(fd: channel.raw, events: Int16(POLLIN), revents: 0),
      pollfd(fd: output.raw, events: Int16(POLLIN), revents: 0),
    ]
    _ = poll(&fds, nfds_t(fds.count), timeout)
    if fds[0].revents != 0 { drainChannel() }
    if fds[1].revents != 0 { drainOutput(limit: 4 << 20) }
  }

  private mutating func drainChannel() {
    while channel.isOpen {
      switch channel.read(into: &buffer) {
      case .data(let count):
        let lines = buffer.withUnsafeBytes { channelLines.append(UnsafeRawBufferPointer(rebasing: $0[0..<count])) }
        for line in lines {
          switch session.handle(line: line) {
          case .stepBegan: report(.stepBegan)
          case .progress: report(.progress)
          case .none: break
          }
        }
        if channelLines.discardedLines > 0, session.violation == nil {
          session.refuse(ChannelViolation("a channel line is longer than \(RigorLimits.maxLineBytes) bytes"))
        }
        if session.violation != nil {
          // A forged or broken writer: stop the seed now rather than read on.
          stopForViolation()
          return
        }
      case .wouldBlock: return
      case .endOfFile: channel.close()
      }
    }
  }

  /// Reads output until the pipe is empty or `limit` bytes were read (so a flood of output
  /// cannot starve the channel).
  private mutating func drainOutput(limit: Int) {
    var total = 0
    while output.isOpen, total < limit {
      switch output.read(into: &buffer) {
      case .data(let count):
        total += count
        buffer.withUnsafeBytes {
          let bytes = UnsafeRawBufferPointer(rebasing: $0[0..<count])
          session.appendOutput(bytes)
          liveOutput?(launch.seed, bytes)
        }
      case .wouldBlock: return
      case .endOfFile: output.close()
      }
    }
  }

  private mutating func report(_ phase: SeedProgress.Phase) {
    let now = MonotonicClock.now()
    lastReport = now
    guard let progress else { return }
    let step = session.currentStep
    progress(
      SeedProgress(
        seed: launch.seed, phase: phase, step: step, stepCount: launch.steps.count,
        stepLine: step.flatMap { launch.step($0)?.line }, elapsed: now - startTime,
        fraction: session.progressFraction, message: session.progressMessage))
  }
}
