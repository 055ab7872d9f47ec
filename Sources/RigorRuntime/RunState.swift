import Foundation

/// Everything one run of a notebook program knows about itself: its seed, parameters, output
/// folder, the step running now, and what was recorded so far (to refuse duplicates).
///
/// The public functions (`record`, `figure`, ...) go through `RunState.shared`; tests build
/// their own instances and call the throwing methods directly.
final class RunState {
  /// Environment variable with the seed.
  static let seedKey = "RIGOR_SEED"
  /// Environment variable with the seed's output folder (figures/ and artifacts/ go there).
  static let outputKey = "RIGOR_OUTPUT_DIR"

  static let shared = RunState(environment: ProcessInfo.processInfo.environment)

  let channel: Channel?
  let seed: Int
  let outputDirectory: URL
  /// Parameters from the environment, or the error that parsing them raised.
  let parameters: Result<[String: ParameterValue], RigorRuntimeError>

  private let lock = NSLock()
  private(set) var currentStep = 0
  private var metricSteps: [String: Int] = [:]
  private var splitSteps: [String: Int] = [:]
  private var fileSteps: [String: Int] = [:]
  private var totalFileBytes = 0
  private var lastProgressTime = -Double.infinity

  init(channel: Channel?, seed: Int, outputDirectory: URL, parametersJSON: String?) {
    self.channel = channel
    self.seed = seed
    self.outputDirectory = outputDirectory
    self.parameters = Result { try ParameterValue.parseObject(parametersJSON) }
      .mapError { $0 as? RigorRuntimeError ?? RigorRuntimeError("\($0)") }
  }

  convenience init(environment: [String: String]) {
    let channel = Channel.fromEnvironment(environment)
    let output = environment[RunState.outputKey].map { URL(fileURLWithPath: $0) }
      ?? URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent("rigor-output")
    self.init(
      channel: channel, seed: environment[RunState.seedKey].flatMap { Int($0) } ?? 0,
      outputDirectory: output, parametersJSON: environment[ParameterValue.environmentKey])
    if channel != nil {
      // Line buffering makes output reach the supervisor as it is printed, and a trap
      // loses at most the unfinished line instead of a whole buffer.
      setvbuf(stdout, nil, _IOLBF, 0)
    }
  }

  // MARK: Steps

  func beginStep(_ index: Int) {
    settleOutput()
    lock.withLock { currentStep = index }
    var event = JSONLine(event: "step_begin")
    event.add("step", index)
    event.add("t", MonotonicClock.now())
    channel?.send(event)
    // Once the supervisor has read the begin event, it handles it before it reads any more
    // output, so everything the step prints from here on is credited to this step.
    if let channel { RunState.waitUntilRead(channel.fd) }
  }

  func endStep(_ index: Int) {
    settleOutput()
    var event = JSONLine(event: "step_end")
    event.add("step", index)
    event.add("t", MonotonicClock.now())
    event.add("maxrss", RunState.peakMemoryBytes())
    channel?.send(event)
  }

  func finish() {
    settleOutput()
    var event = JSONLine(event: "finish")
    event.add("t", MonotonicClock.now())
    event.add("maxrss", RunState.peakMemoryBytes())
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

  // MARK: Parameters

  func parameter(_ name: String) throws -> ParameterValue? {
    try parameters.get()[name]
  }

  // MARK: Metrics and splits

  func record(_ name: String, _ value: Double) throws {
    try NameRules.checkName(name, kind: "metric")
    guard value.isFinite else {
      throw RigorRuntimeError("metric '\(name)' is \(value); recorded values must be finite numbers")
    }
    let step = try lock.withLock { () throws -> Int in
      if let earlier = metricSteps[name] {
        throw RigorRuntimeError(
          "metric '\(name)' was already recorded in step \(earlier); record each metric once per run")
      }
      guard metricSteps.count < RigorLimits.maxMetrics else {
        throw RigorRuntimeError("more than \(RigorLimits.maxMetrics) metrics recorded")
      }
      metricSteps[name] = currentStep
      return currentStep
    }
    var event = JSONLine(event: "record")
    event.add("step", step)
    event.add("name", name)
    event.add("value", value)
    if let channel {
      channel.send(event)
    } else {
      FileHandle.standardError.write(Data("record \(name) = \(value)\n".utf8))
    }
  }

  func split(_ name: String, ids: [Int]) throws {
    try NameRules.checkName(name, kind: "split")
    guard ids.count <= RigorLimits.maxSplitIDs else {
      throw RigorRuntimeError(
        "split '\(name)' has \(ids.count) ids; the limit is \(RigorLimits.maxSplitIDs)")
    }
    let step = try lock.withLock { () throws -> Int in
      if let earlier = splitSteps[name] {
        throw RigorRuntimeError("split '\(name)' was already declared in step \(earlier)")
      }
      splitSteps[name] = currentStep
      return currentStep
    }
    var event = JSONLine(event: "split")
    event.add("step", step)
    event.add("name", name)
    event.add("ids", ints: ids)
    if let channel {
      channel.send(event)
    } else {
      FileHandle.standardError.write(Data("split \(name): \(ids.count) ids\n".utf8))
    }
  }

  // MARK: Files

  /// Writes a figure as `figures/NAME.svg`; a trailing `.svg` in the name is accepted.
  func writeFigure(_ name: String, svg: String) throws {
    let base = name.hasSuffix(".svg") ? String(name.dropLast(4)) : name
    try NameRules.checkFileName(base, kind: "figure")
    let data = Data(svg.utf8)
    guard data.count <= RigorLimits.maxFigureBytes else {
      throw RigorRuntimeError(
        "figure '\(base)' is \(data.count) bytes; the limit is \(RigorLimits.maxFigureBytes)")
    }
    try writeFile(folder: "figures", fileName: base + ".svg", data: data, kind: "figure", name: base)
  }

  /// Writes an artifact as `artifacts/NAME`.
  func writeArtifact(_ name: String, data: Data) throws {
    try NameRules.checkFileName(name, kind: "artifact")
    guard data.count <= RigorLimits.maxArtifactBytes else {
      throw RigorRuntimeError(
        "artifact '\(name)' is \(data.count) bytes; the limit is \(RigorLimits.maxArtifactBytes)")
    }
    try writeFile(folder: "artifacts", fileName: name, data: data, kind: "artifact", name: name)
  }

  private func writeFile(folder: String, fileName: String, data: Data, kind: String, name: String) throws {
    let relative = folder + "/" + fileName
    let step = try lock.withLock { () throws -> Int in
      if let earlier = fileSteps[relative] {
        throw RigorRuntimeError("\(kind) '\(name)' was already written in step \(earlier)")
      }
      guard fileSteps.count < RigorLimits.maxFiles else {
        throw RigorRuntimeError("more than \(RigorLimits.maxFiles) figures and artifacts written")
      }
      guard totalFileBytes + data.count <= RigorLimits.maxTotalFileBytes else {
        throw RigorRuntimeError(
          "\(kind) '\(name)' would bring this seed's files past \(RigorLimits.maxTotalFileBytes) bytes")
      }
      fileSteps[relative] = currentStep
      totalFileBytes += data.count
      return currentStep
    }
    let directory = outputDirectory.appendingPathComponent(folder, isDirectory: true)
    do {
      try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
      try data.write(to: directory.appendingPathComponent(fileName))
    } catch {
      throw RigorRuntimeError("could not write \(kind) '\(name)' to \(directory.path): \(error.localizedDescription)")
    }
    var event = JSONLine(event: kind)
    event.add("step", step)
    event.add("name", name)
    event.add("path", relative)
    event.add("bytes", data.count)
    channel?.send(event)
  }

  // MARK: Progress

  /// Sends progress at most ten times a second (and always on completion), so a tight loop
  /// calling `progress` does not flood the channel.
  func progress(_ fraction: Double, _ message: String) {
    guard let channel else { return }
    let now = MonotonicClock.now()
    let clamped = fraction.isFinite ? min(max(fraction, 0), 1) : 0
    let due = lock.withLock { () -> Bool in
      guard clamped >= 1 || now - lastProgressTime >= 0.1 else { return false }
      lastProgressTime = now
      return true
    }
    guard due else { return }
    var event = JSONLine(event: "progress")
    event.add("step", currentStep)
    event.add("fraction", clamped)
    event.add("message", String(message.prefix(RigorLimits.maxProgressMessageCharacters)))
    channel.send(event)
  }

  // MARK: Failure

  /// Reports a step error at the notebook location of the call, then ends the program.
  func fail(_ error: RigorRuntimeError, file: String, line: Int, column: Int) -> Never {
    var event = JSONLine(event: "error")
    event.add("step", currentStep)
    event.add("file", file)
    event.add("line", line)
    event.add("column", column)
    event.add("message", error.message)
    fflush(stdout)
    FileHandle.standardError.write(Data("\(file):\(line):\(column): error: \(error.message)\n".utf8))
    channel?.send(event)
    exit(1)
  }
}
