/// The human summary of a run or check printed to the terminal.
///
/// Errors first (as `FILE:LINE:COLUMN: error:` lines editors can jump to), then per-step
/// status over seeds, metric means, the claims table and prose flags.
struct TextReport {
  var console: Console
  /// The parameters `--param` set, echoed so a summary says which setting it describes.
  var overridden: [String] = []

  func render(_ document: RunDocument) -> String {
    var lines: [String] = []
    let status = document.status == .ok
      ? console.colored("ok", 32) : console.colored(document.status.rawValue, 31)
    lines.append("\(document.notebook): \(status)"
      + (document.seeds.isEmpty ? "" : ", seeds \(SeedList.describe(document.seeds))")
      + (document.resultCommit.map { ", recorded \($0.prefix(12)) on \(document.resultsRef)" } ?? ""))
    let echoed = overridden.compactMap { name in document.parameters?[name].map { "\(name)=\($0)" } }
    if !echoed.isEmpty {
      lines.append("  parameters set on the command line: \(echoed.joined(separator: ", "))")
    }
    if !document.errors.isEmpty {
      let distinct = ErrorLines.group(document.errors).count
      lines.append("  \(distinct) distinct error(s), listed on standard error")
    }
    if !document.runs.isEmpty {
      for step in document.steps {
        let seconds = document.runs.compactMap { run in run.steps.first { $0.index == step.index }?.seconds }
        let mean = seconds.isEmpty ? 0 : seconds.reduce(0, +) / Double(seconds.count)
        lines.append("  step \(step.index) (line \(step.line)): \(step.status?.rawValue ?? "-"), \(Format.seconds(mean)) mean")
        lines += failedOutput(of: step, in: document)
      }
    }
    if let folder = document.outputFolder {
      lines.append("  output and files kept in \(folder) (--no-commit: nothing was recorded)")
    }
    if !document.metrics.isEmpty {
      lines.append("metrics (mean over seeds that recorded them):")
      let width = document.metrics.keys.map(\.count).max() ?? 0
      for name in document.metrics.keys.sorted() {
        let values = document.metrics[name]!.compactMap { $0 }
        lines.append("  \(name.padding(toLength: width, withPad: " ", startingAt: 0))  \(Format.summary(values))")
      }
    }
    if !document.claims.isEmpty {
      lines.append("claims:")
      let width = document.claims.map(\.id.count).max() ?? 0
      for claim in document.claims {
        let tier = claim.tier == nil ? "no tier" : "tier \(claim.tierMark)"
        let color = claim.verdict == .supported ? 32 : claim.verdict == .refuted ? 31 : 33
        lines.append("  \(claim.id.padding(toLength: width, withPad: " ", startingAt: 0))  \(console.colored(tier.padding(toLength: 7, withPad: " ", startingAt: 0), color))  \(claim.verdict)")
        for reason in claim.reasons { lines.append("      - \(reason)") }
      }
      if document.claims.contains(where: { !$0.restsOn.isEmpty }) {
        lines.append("  " + ClaimDocument.restsOnNote)
      }
    }
    if !document.flags.isEmpty {
      lines.append("prose flags (assertive, unhedged, no evidence or claim link):")
      for flag in document.flags {
        lines.append("  \(flag.file):\(flag.line): \"\(flag.cue)\": \(flag.text)")
      }
    }
    return lines.joined(separator: "\n")
  }

  /// Lines of the summary under a failed step: the last lines it printed in the first seed
  /// where it failed, so the cause is on screen without opening `steps/STEP.txt`.
  static let failedOutputLines = 10

  private func failedOutput(of step: StepDocument, in document: RunDocument) -> [String] {
    guard step.status == .failed || step.status == .timedOut else { return [] }
    for run in document.runs {
      guard let seedStep = run.steps.first(where: { $0.index == step.index }),
        seedStep.status == .failed || seedStep.status == .timedOut, let output = seedStep.output
      else { continue }
      let last = OutputExcerpt.lastLines(of: output, count: Self.failedOutputLines)
      guard !last.isEmpty else { return [] }
      return ["    last output of seed \(run.seed):"] + last.map { "    | " + $0 }
    }
    return []
  }
}
