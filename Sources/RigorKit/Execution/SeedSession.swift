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
  private(set) var files: [WrittenFile] = []
  private(set) var reportedErrors: [StepError] = []
  private(set) var progressFraction: Double?
  private(set) var progressMessage = ""
  /// The largest peak memory the program reported about itself (`maxrss` in step events).
  private(set) var reportedPeakMemoryBytes = 0
  /// Lines on the channel that were not valid events.
  private(set) var ignoredEvents = 0

  init(launch: SeedLaunch) { self.launch = launch }

  /// Whether `event` changed what a progress display shows.
  enum Change { case none, stepBegan, progress }

  mutating func handle(_ event: ChannelEvent) -> Change {
    if let bytes = event.maxrss, bytes > 0 { reportedPeakMemoryBytes = max(reportedPeakMemoryBytes, bytes) }
    switch event.event {
    case "step_begin":
      guard let step = event.step, launch.step(step) != nil, begun[step] == nil else { break }
      begun[step] = event.t ?? MonotonicTime.now()
      currentStep = step
      progressFraction = nil
      progressMessage = ""
      return .stepBegan
    case "step_end":
      guard let step = event.step, begun[step] != nil, ended[step] == nil else { break }
      ended[step] = event.t ?? MonotonicTime.now()
      return .none
    case "finish":
      finished = true
      return .none
    case "record":
      // The runtime already refuses bad records; re-checking keeps a stray writer honest.
      guard let name = event.name, let value = event.value, value.isFinite, Self.isValidName(name),
        !metricNames.contains(name)
      else { break }
      metricNames.insert(name)
      if let split = event.split, !Self.isValidName(split) { break }
      metrics.append(
        RecordedMetric(name: name, value: value, step: event.step ?? currentStep ?? 0, split: event.split))
      return .none
    case "split":
      guard let name = event.name, let ids = event.ids, Self.isValidName(name), splits[name] == nil else { break }
      splits[name] = ids
      return .none
    case "figure", "artifact":
      guard let name = event.name, let path = event.path, Self.isValidName(name),
        !path.contains(".."), !path.hasPrefix("/")
      else { break }
      files.append(
        WrittenFile(
          kind: event.event == "figure" ? .figure : .artifact, name: name, path: path,
          bytes: event.bytes ?? 0, step: event.step ?? currentStep ?? 0))
      return .none
    case "progress":
      guard let fraction = event.fraction, fraction.isFinite else { break }
      progressFraction = min(max(fraction, 0), 1)
      progressMessage = event.message ?? ""
      return .progress
    case "error":
      guard let message = event.message else { break }
      let step = event.step.flatMap { $0 > 0 ? $0 : nil } ?? currentStep
      let location = SourceLocation(
        file: event.file ?? launch.sourcePath,
        line: event.line ?? step.flatMap { launch.step($0)?.line } ?? 1,
        column: event.column ?? 1)
      reportedErrors.append(StepError(step: step, diagnostic: Diagnostic(message, at: location)))
      return .none
    default:
      break
    }
    ignoredEvents += 1
    return .none
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

  static func isValidName(_ name: String) -> Bool {
    !name.isEmpty && name.utf8.count <= 128
      && name.utf8.allSatisfy { byte in
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
          || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-")
      }
  }
}
