import Foundation

extension RunState {

  func beginStep(_ index: Int) {
    settleOutput()
    lock.withLock { currentStep = index }
    let event = ChannelEvent(.stepBegin, [.step: .integer(index), .t: .number(MonotonicClock.now())])
    channel?.send(event)
    // Once the supervisor has read the begin event, it handles it before it reads any more
    // output, so everything the step prints from here on is credited to this step.
    if let channel { RunState.waitUntilRead(channel.fd) }
  }

  func endStep(_ index: Int) {
    settleOutput()
    let event = ChannelEvent(
      .stepEnd,
      [.step: .integer(index), .t: .number(MonotonicClock.now()), .maxrss: .integer(RunState.peakMemoryBytes())])
    channel?.send(event)
  }

  func finish() {
    if let (entry, error) = undeclaredSplitRecord() {
      lock.withLock { currentStep = entry.step }
      fail(error, file: entry.file, line: entry.line, column: entry.column)
    }
    settleOutput()
    let event = ChannelEvent(.finish, [.t: .number(MonotonicClock.now()), .maxrss: .integer(RunState.peakMemoryBytes())])
    channel?.send(event)
  }

  /// This process's peak resident memory so far, in bytes.
  static func peakMemoryBytes() -> Int {
    var usage = rusage()
    getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
    return Int(usage.ru_maxrss) * 1024
  }

  /// Makes sure everything the step printed has reached the supervisor before a step event.
  ///
  /// Output and events travel on two pipes, so the supervisor could read an event before the
  /// output printed just ahead of it and credit that output to the wrong step. Flushing stdio
  /// and waiting until the supervisor has drained the output pipe closes that gap.
  func settleOutput() {
    fflush(stdout)
    fflush(stderr)
    guard channel != nil else { return }
    RunState.waitUntilRead(1)
  }

  /// Waits (at most a second) until the reader of pipe `fd` has taken every byte in it;
  /// returns at once if `fd` is not a pipe.
  static func waitUntilRead(_ fd: Int32) {
    var info = stat()
    guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFIFO else { return }
    let deadline = MonotonicClock.now() + 1
    var pending: CInt = 0
    while ioctl(fd, UInt(FIONREAD), &pending) == 0, pending > 0, MonotonicClock.now() < deadline {
      usleep(100)
    }
  }
}
