import Foundation

extension SeedSession {
  /// How and when the process ended, as the supervisor saw it.
  struct Ending {
    var termination: Termination
    /// The supervisor killed the process because it ran past its limit.
    var timedOut: Bool
    var startTime: Double
    var endTime: Double
    var peakMemoryBytes: Int
  }

  /// The outcome: statuses, times, captured output and the errors located in the notebook.
  func outcome(_ ending: Ending) -> SeedOutcome {
    let allEnded = launch.steps.allSatisfy { ended[$0.index] != nil }
    let succeeded =
      !ending.timedOut && ending.termination == .exited(0) && finished && allEnded && reportedErrors.isEmpty && violation == nil
      && limitStop == nil
    // Blame the step that began and did not end; else the first that never began (the
    // program died between steps or before the first); nil when every step ended.
    let blamed: Int? =
      succeeded
      ? nil
      : launch.steps.first { begun[$0.index] != nil && ended[$0.index] == nil }?.index
        ?? launch.steps.first { begun[$0.index] == nil }?.index

    let steps = launch.steps.map { step -> StepOutcome in
      let status: StepStatus
      var seconds: Double?
      if let end = ended[step.index], let start = begun[step.index] {
        status = .ok
        seconds = max(0, end - start)
      } else if step.index == blamed {
        status = ending.timedOut ? .timedOut : .failed
        seconds = begun[step.index].map { max(0, ending.endTime - $0) }
      } else {
        status = .skipped
      }
      let capture = outputCapture(for: step.index)
      return StepOutcome(
        index: step.index, line: step.line, status: status, seconds: seconds,
        output: capture?.text ?? "", droppedOutputBytes: capture?.droppedBytes ?? 0)
    }

    var errors = reportedErrors
    if let violation {
      errors.append(stopError(blamed: blamed, reason: "its channel to the runner broke the protocol: \(violation.message)"))
    } else if let limitStop {
      errors.append(stopError(blamed: blamed, reason: limitStop))
    } else if !succeeded && (errors.isEmpty || ending.timedOut) {
      errors.append(failureError(ending, blamed: blamed))
    }
    let status: SeedStatus = ending.timedOut ? .timedOut : succeeded ? .ok : .failed
    return SeedOutcome(
      seed: launch.seed, status: status, seconds: max(0, ending.endTime - ending.startTime),
      peakMemoryBytes: ending.peakMemoryBytes, termination: ending.termination,
      sandboxed: launch.sandboxed, blasThreads: launch.blasThreads, steps: steps, metrics: metrics,
      splits: splits, files: files, errors: errors, checkpoints: checkpoints)
  }

  /// The error for a seed the supervisor stopped, at the line of the step it was in.
  private func stopError(blamed: Int?, reason: String) -> StepError {
    let stepLine = blamed.flatMap { launch.step($0)?.line } ?? launch.steps.last?.line ?? 1
    let subject = blamed.map { "step \($0)" } ?? "the program"
    return StepError(
      step: blamed,
      diagnostic: Diagnostic(
        "\(subject) was stopped: \(reason)", at: SourceLocation(file: launch.sourcePath, line: stepLine, column: 1)))
  }

  /// The error explaining a failure the program did not report itself: a timeout, a trap,
  /// a signal, an exit status, or an early exit.
  private func failureError(_ ending: Ending, blamed: Int?) -> StepError {
    let stepLine = blamed.flatMap { launch.step($0)?.line } ?? launch.steps.last?.line ?? 1
    let subject = blamed.map { "step \($0)" } ?? "the program, after its last step,"
    let crash = CrashReport.parse(recentText, sourcePath: launch.sourcePath)
    var location = SourceLocation(file: launch.sourcePath, line: stepLine, column: 1)
    var message: String

    if ending.timedOut {
      let limit = String(format: "%g", launch.timeoutSeconds)
      message = "\(subject) timed out: the seed ran longer than its limit of \(limit) s and was stopped"
      // The backtrace the runner asked for says where it was.
      if let crashLocation = crash.location {
        location = crashLocation
        message += " while running line \(crashLocation.line)"
      }
    } else if begun.isEmpty, let sandboxMessage = sandboxFailure {
      message = "the sandbox could not start the program: \(sandboxMessage)"
    } else {
      if let crashLocation = crash.location { location = crashLocation }
      switch ending.termination {
      case .signaled(let signal) where signal == SIGILL || signal == SIGTRAP:
        // A check of the core on how it was called: its message is the whole story, at the
        // notebook line that made the call.
        if let core = crash.coreMessage {
          message = core
        } else {
          message = "\(subject) \(SignalNames.explanation(signal))"
          if let fatal = crash.message { message += ": \(fatal)" }
        }
      case .signaled(let signal):
        message = "\(subject) \(SignalNames.explanation(signal))"
        if let fatal = crash.message { message += ": \(fatal)" }
        if signal == SIGKILL {
          message += "; peak memory \(ending.peakMemoryBytes >> 20) MiB"
          if let limit = launch.memoryLimitBytes { message += " (limit \(limit >> 20) MiB)" }
        }
      case .exited(let code) where code != 0:
        message = "\(subject) exited with status \(code)"
        if let fatal = crash.message { message += ": \(fatal)" }
      case .exited:
        message =
          finished
          ? "\(subject) never ran although the program finished"
          : "\(subject) ended the program before it finished (exit status 0; does it call exit()?)"
      }
      if let limit = launch.memoryLimitBytes, hitMemoryLimit(ending, limit: limit) {
        message += "; the seed reached its memory limit of \(limit >> 20) MiB (memory_limit_mb, --memory-limit)"
      } else if hitFileSizeLimit(ending) {
        message += "; the seed reached its disk limit of \(ByteCount(launch.diskLimitBytes)) for one file"
      } else if launch.sandboxed, hitProcessLimit(ending) {
        message += "; the seed reached its limit of \(SeedRunner.processLimit) processes and threads"
      } else if launch.sandboxed, hitPrivateTmpLimit(ending) {
        message += "; the sandbox's private /tmp holds at most \(ByteCount(Sandbox.tmpBytes)) (write big files to the scratch folder, TMPDIR)"
      }
    }
    return StepError(step: blamed, diagnostic: Diagnostic(message, at: location))
  }

  private var recentText: String { recentOutput.text }

  /// Whether a failure under a memory limit came from the limit: an allocation the program
  /// reported failing, or a SIGKILL (the kernel's out-of-memory killer) near the limit.
  private func hitMemoryLimit(_ ending: Ending, limit: Int) -> Bool {
    if case .exited(0) = ending.termination { return false }
    if case .signaled(SIGKILL) = ending.termination, ending.peakMemoryBytes >= limit / 2 { return true }
    let text = recentText
    return ["failed to allocate", "Could not allocate", "MemoryError", "std::bad_alloc", "Cannot allocate memory", "out of memory"]
      .contains { text.contains($0) }
  }

  /// Whether a failure came from RLIMIT_FSIZE: the signal it sends, or the write it refuses
  /// in a program that ignores the signal (Python does).
  private func hitFileSizeLimit(_ ending: Ending) -> Bool {
    if case .exited(0) = ending.termination { return false }
    if case .signaled(SIGXFSZ) = ending.termination { return true }
    return recentText.contains("File too large")
  }

  /// Whether a failure in the sandbox came from a full disk: the seed's own folders are
  /// bounded by the supervisor, so what fills up first is the private /tmp.
  private func hitPrivateTmpLimit(_ ending: Ending) -> Bool {
    if case .exited(0) = ending.termination { return false }
    return recentText.contains("No space left on device")
  }

  /// Whether a failure in the sandbox came from the process limit: a fork or a new thread
  /// the program reported refused with EAGAIN.
  private func hitProcessLimit(_ ending: Ending) -> Bool {
    if case .exited(0) = ending.termination { return false }
    let text = recentText
    if text.contains("can't start new thread") { return true }
    guard text.contains("Resource temporarily unavailable") else { return false }
    return ["fork", "thread", "spawn", "clone"].contains { text.contains($0) }
  }

  /// bubblewrap's own complaint (`bwrap: ...`) when it failed before the program started.
  private var sandboxFailure: String? {
    recentText.split(separator: "\n").first { $0.hasPrefix("bwrap: ") }.map(String.init)
  }
}
