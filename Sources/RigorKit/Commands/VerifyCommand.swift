import ArgumentParser
import Foundation

/// `rigor verify`: re-run a notebook and say what reproduced against its newest recorded result.
struct VerifyCommand: RigorSubcommand {
  static let configuration = CommandConfiguration(
    commandName: "verify",
    abstract: "Re-run a notebook and compare with its newest recorded result; exit 1 on a mismatch.")

  @Argument(help: "The notebook file.") var notebook: String
  @Flag(name: .customLong("fresh-seeds"), help: "Use seeds never used before for this notebook; check every claim keeps its verdict.")
  var freshSeeds = false
  @Option(help: "Seeds run in parallel.") var jobs: Int?
  @Flag(name: .customLong("no-sandbox"), help: "Run seeds without bubblewrap.") var noSandbox = false
  @OptionGroup var common: CommonOptions

  func execute(_ console: Console) throws -> ExitStatus {
    let history = try ResultHistory.open(notebook: notebook)
    guard let (_, recorded) = try history.newest() else {
      throw CommandFailure(.storeFailed, "\(notebook) has no recorded result to verify against; run it first")
    }
    var options = RunOptions()
    options.jobs = jobs
    options.sandbox = !noSandbox
    options.format = common.format
    options.origin = freshSeeds ? "verify --fresh-seeds" : "verify"
    let overrides = (recorded.parameters ?? [:]).map { "\($0.key)=\($0.value)" }
    options.overrides = try ParameterOverrides(overrides)
    if freshSeeds {
      // Fresh: never registered or recorded for this NAME (read from commit trailers).
      let used = try Ledger(store: history.store, name: history.name).recordedSeeds
      let start = (used.max() ?? -1) + 1
      options.seeds = Array(start..<(start + max(recorded.seeds.count, 5)))
    } else {
      options.seeds = recorded.seeds
    }
    let quiet = Console(isInteractive: console.isInteractive, out: { _ in }, err: { console.errRaw($0) })
    let (fresh, status) = try NotebookSession(console: quiet, options: options, mode: .run)
      .run(URL(fileURLWithPath: notebook))
    if status == .invalidNotebook || status == .compileError || status == .noSandbox { return status }
    let report = Reproduction(recorded: recorded, fresh: fresh, freshSeeds: freshSeeds)
    if common.format == .json {
      console.out(try JSONOutput.encode(report))
    } else {
      console.out(report.text)
    }
    return report.reproduced ? max(status, .success) : max(status, .unmet)
  }
}
