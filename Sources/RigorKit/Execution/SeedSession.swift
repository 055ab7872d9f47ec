import Foundation

/// The supervisor's record of one running seed: it takes channel events and output as they
/// arrive and, once the process has ended, turns them into a `SeedOutcome`.
///
/// Kept apart from process handling so the rules (attribution, statuses, messages) can be
/// tested with made-up events.
struct SeedSession {
  let launch: SeedLaunch
  private(set) var begun: [Int: Double] = [:]
  private(set) var ended: [Int: Double] = [:]
  /// The last step that began; output is credited to it (to the first step before any began).
  private(set) var currentStep: Int?
  private(set) var finished = false
  private var captures: [Int: OutputCapture] = [:]
  /// The end of the whole output, where a crash report is printed.
  private(set) var recentOutput = OutputCapture(headBytes: 0, tailBytes: 64 * 1024)
  private(set) var metrics: [RecordedMetric] = []
  private var metricNames: Set<String> = []
  private(set) var splits: [String: [Int]] = [:]
  /// Checkpoints the program reported loading (verified later by the runner).
  private(set) var checkpoints: [ReportedCheckpoint] = []
  /// Most checkpoints one seed may report.
  static let maxCheckpoints = 64
  private(set) var files: [WrittenFile] = []
  private var filePaths: Set<String> = []
  private var fileBytes = 0
  private(set) var reportedErrors: [StepError] = []
  private(set) var progressFraction: Double?
  private(set) var progressMessage = ""
  /// The largest peak memory the program reported about itself (`maxrss` in step events).
  private(set) var reportedPeakMemoryBytes = 0
  /// The first line on the channel that broke the protocol; the supervisor stops the seed
  /// when it is set and reads no further events.
  private(set) var violation: ChannelViolation?

  /// Why the supervisor stopped the seed at a limit it measures itself (its disk use).
  private(set) var limitStop: String?

  init(launch: SeedLaunch) { self.launch = launch }

  /// Keeps `reason` as why the seed was stopped, unless a reason is kept already.
  mutating func stop(atLimit reason: String) {
    if limitStop == nil, violation == nil { limitStop = reason }
  }

  /// Whether `event` changed what a progress display shows.
  enum Change { case none, stepBegan, progress }

  /// Reads one channel line; a line that breaks the protocol is kept as the violation.
  mutating func handle(line: some Collection<UInt8>) -> Change {
    guard violation == nil else { return .none }
    do {
      return try handle(ChannelEvent.parse(line))
    } catch {
      violation = error
      return .none
    }
  }

  /// Keeps `violation` as the reason the seed is stopped, unless one is kept already.
  mutating func refuse(_ violation: ChannelViolation) {
    if self.violation == nil { self.violation = violation }
  }

  /// Takes one well-formed event, checking it against what came before (steps in order,
  /// no duplicate names, the caps); the caps are enforced here, as events arrive.
  mutating func handle(_ event: ChannelEvent) throws(ChannelViolation) -> Change {
    if let bytes = event.integer(.maxrss) { reportedPeakMemoryBytes = max(reportedPeakMemoryBytes, bytes) }
    let step = event.integer(.step)
    if let step, step > launch.steps.count {
      throw ChannelViolation("'\(event.kind.rawValue)' event names step \(step); the notebook has \(launch.steps.count)")
    }
    switch event.kind {
    case .stepBegin:
      guard let step, launch.step(step) != nil, begun[step] == nil else {
        throw ChannelViolation("step \(step ?? 0) began twice or does not exist")
      }
      begun[step] = event.number(.t) ?? MonotonicClock.now()
      currentStep = step
      progressFraction = nil
      progressMessage = ""
      return .stepBegan
    case .stepEnd:
      guard let step, begun[step] != nil, ended[step] == nil else {
        throw ChannelViolation("step \(step ?? 0) ended without beginning, or twice")
      }
      ended[step] = event.number(.t) ?? MonotonicClock.now()
      return .none
    case .finish:
      finished = true
      return .none
    case .record:
      let name = event.text(.name) ?? ""
      guard !metricNames.contains(name) else { throw ChannelViolation("metric '\(name)' was recorded twice") }
      guard metrics.count < RigorLimits.maxMetrics else {
        throw ChannelViolation("more than \(RigorLimits.maxMetrics) metrics were recorded")
      }
      metricNames.insert(name)
      metrics.append(
        RecordedMetric(
          name: name, value: event.number(.value) ?? 0, step: step ?? currentStep ?? 0, split: event.text(.split)))
      return .none
    case .split:
      let name = event.text(.name) ?? ""
      guard splits[name] == nil else { throw ChannelViolation("split '\(name)' was declared twice") }
      guard splits.count < RigorLimits.maxSplits else {
        throw ChannelViolation("more than \(RigorLimits.maxSplits) splits were declared")
      }
      splits[name] = event.integers(.ids) ?? []
      return .none
    case .figure, .artifact:
      let name = event.text(.name) ?? ""
      let path = event.text(.path) ?? ""
      let bytes = event.integer(.bytes) ?? 0
      guard !filePaths.contains(path) else { throw ChannelViolation("\(event.kind.rawValue) '\(name)' was written twice") }
      guard files.count < RigorLimits.maxFiles else {
        throw ChannelViolation("more than \(RigorLimits.maxFiles) figures and artifacts were written")
      }
      guard fileBytes + bytes <= RigorLimits.maxTotalFileBytes else {
        throw ChannelViolation("figures and artifacts passed \(RigorLimits.maxTotalFileBytes) bytes")
      }
      filePaths.insert(path)
      fileBytes += bytes
      files.append(
        WrittenFile(
          kind: event.kind == .figure ? .figure : .artifact, name: name, path: path, bytes: bytes,
          step: step ?? currentStep ?? 0))
      return .none
    case .checkpoint:
      let name = event.text(.name) ?? ""
      guard !checkpoints.contains(where: { $0.name == name }) else {
        throw ChannelViolation("checkpoint '\(name)' was reported twice")
      }
      guard checkpoints.count < Self.maxCheckpoints else {
        throw ChannelViolation("more than \(Self.maxCheckpoints) checkpoints were reported")
      }
      checkpoints.append(
        ReportedCheckpoint(
          step: step ?? currentStep ?? 0, name: name, kind: event.text(.kind) ?? "",
          source: event.text(.source) ?? "", filesText: event.text(.files) ?? ""))
      return .none
    case .progress:
      progressFraction = event.number(.fraction)
      progressMessage = String((event.text(.message) ?? "").prefix(RigorLimits.maxProgressMessageCharacters))
      return .progress
    case .error:
      guard reportedErrors.count < RigorLimits.maxErrors else {
        throw ChannelViolation("more than \(RigorLimits.maxErrors) errors were reported")
      }
      let step = step.flatMap { $0 > 0 ? $0 : nil } ?? currentStep
      let location = SourceLocation(
        file: event.text(.file) ?? launch.sourcePath,
        line: event.integer(.line) ?? step.flatMap { launch.step($0)?.line } ?? 1,
        column: event.integer(.column) ?? 1)
      reportedErrors.append(
        StepError(step: step, diagnostic: Diagnostic(event.text(.message) ?? "", at: location)))
      return .none
    }
  }

  mutating func appendOutput(_ bytes: UnsafeRawBufferPointer) {
    let step = currentStep ?? launch.steps.first?.index ?? 0
    captures[step, default: OutputCapture(capBytes: launch.outputCapBytes)].append(bytes)
    recentOutput.append(bytes)
  }

  func outputCapture(for step: Int) -> OutputCapture? { captures[step] }

  /// Whether the last few kilobytes of output contain `text`.
  func outputTailContains(_ text: String) -> Bool {
    let tail = recentOutput.tailBytes.suffix(4096)
    return String(decoding: tail, as: UTF8.self).contains(text)
  }
}
