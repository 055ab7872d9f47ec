import Foundation

/// Launches every seed of a compiled notebook through the scheduler and shows progress.
///
/// On a terminal one line per running seed is redrawn in place (step i/n, elapsed, the step's
/// `progress()`); elsewhere a plain line is printed as each seed finishes.
struct SeedBatch {
  var console: Console
  var options: RunOptions

  /// Output kept per step before the middle is dropped (head and tail are kept).
  static let outputCapBytes = 256 * 1024

  /// Memory one seed may use when neither `--memory-limit` nor `memory_limit_mb` says: 8 GiB.
  static let defaultMemoryLimitBytes = 8 << 30

  static func jobs(_ requested: Int?) -> Int { SeedScheduler(jobs: requested).jobs }
  static func blasThreads(jobs: Int?, seeds: Int) -> Int { SeedScheduler(jobs: jobs).blasThreads(seeds: seeds) }

  func run(
    binary: URL, toolchain: InterpToolchain, notebook: Notebook, seeds: [Int],
    parameters: [String: ParameterValue], folder: URL, repositoryRoot: URL? = nil
  ) throws -> [SeedOutcome] {
    let dataPaths = repositoryRoot.map { root in notebook.frontMatter.data.map { root.appendingPathComponent($0) } } ?? []
    let parametersJSON = ParameterValue.jsonObject(parameters)
    let timeout = options.timeout ?? notebook.frontMatter.timeout ?? Notebook.defaultTimeout
    var launches: [SeedLaunch] = []
    // The store is visible read-only (it usually lives under the hidden home); seeds find it
    // and the manifest through these variables (and `dataFile(_:)` the `data:` paths, below).
    let models = options.models
    var seedEnvironment = [
      ModelStore.environmentKey: models.root.path, "RIGOR_MODEL_MANIFEST": models.manifest.jsonLine(),
    ]
    // `dataFile(_:)` finds the listed paths through these, wherever the repository is.
    if let repositoryRoot, !notebook.frontMatter.data.isEmpty {
      seedEnvironment[ChannelEnvironment.dataRoot] = repositoryRoot.path
      seedEnvironment[ChannelEnvironment.dataPaths] = notebook.frontMatter.data.joined(separator: "\n")
    }
    for seed in seeds {
      let output = folder.appendingPathComponent("seeds/\(seed)")
      let scratch = folder.appendingPathComponent("scratch/\(seed)")
      try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
      try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
      launches.append(
        SeedLaunch(
          binary: binary, seed: seed, parametersJSON: parametersJSON, outputDirectory: output,
          scratchDirectory: scratch, timeoutSeconds: timeout, sandboxed: options.sandbox,
          sourcePath: notebook.path,
          steps: notebook.steps.map { SeedLaunch.Step(index: $0.index, line: $0.line) },
          outputCapBytes: Self.outputCapBytes,
          memoryLimitBytes: options.memoryLimitBytes ?? notebook.frontMatter.memoryLimitMB.map { $0 << 20 }
            ?? Self.defaultMemoryLimitBytes,
          readOnlyPaths: [binary.deletingLastPathComponent(), toolchain.libraryFolder, models.root] + dataPaths,
          extraEnvironment: seedEnvironment))
    }
    // Streamed output and lines redrawn in place would overwrite each other: -v prints plain
    // progress lines.
    let display = ProgressDisplay(
      console: console, seeds: seeds, steps: notebook.steps.count, redraws: !options.verbose)
    let live = options.verbose ? LiveOutput(console: console) : nil
    let scheduler = SeedScheduler(jobs: options.jobs)
    let results = scheduler.run(launches, progress: { display.update($0) }, output: live?.handler)
    live?.finish()
    display.finish()
    return zip(launches, results).map { launch, result in
      switch result {
      case .success(let outcome):
        return outcome
      case .failure(let error):
        return SeedOutcome.notStarted(launch, blasThreads: scheduler.blasThreads(seeds: launches.count), error: "\(error)")
      }
    }
  }
}

extension SeedOutcome {
  /// A seed whose process could not be started: failed, every step skipped, the reason kept.
  static func notStarted(_ launch: SeedLaunch, blasThreads: Int, error: String) -> SeedOutcome {
    SeedOutcome(
      seed: launch.seed, status: .failed, seconds: 0, peakMemoryBytes: 0, termination: .exited(-1),
      sandboxed: launch.sandboxed, blasThreads: blasThreads,
      steps: launch.steps.map {
        StepOutcome(index: $0.index, line: $0.line, status: .skipped, seconds: nil, output: "", droppedOutputBytes: 0)
      },
      metrics: [], splits: [:], files: [],
      errors: [
        StepError(
          step: nil,
          diagnostic: Diagnostic("seed \(launch.seed) could not start: \(error)", at: SourceLocation(file: launch.sourcePath, line: 1)))
      ])
  }
}

/// Live per-seed progress on a terminal, plain lines elsewhere.
final class ProgressDisplay: @unchecked Sendable {
  private let console: Console
  private let lock = NSLock()
  private var lines: [Int: String] = [:]
  private let seeds: [Int]
  private let steps: Int
  private var drawn = 0
  private let redraws: Bool

  init(console: Console, seeds: [Int], steps: Int, redraws: Bool = true) {
    self.console = console
    self.redraws = redraws && console.isInteractive
    self.seeds = seeds
    self.steps = steps
  }

  func update(_ progress: SeedProgress) {
    lock.withLock {
      let step = progress.step.map { "step \($0)/\(steps)" } ?? progress.phase.rawValue
      let fraction = progress.fraction.map { String(format: " %3.0f%%", $0 * 100) } ?? ""
      let message = progress.message.isEmpty ? "" : " \(progress.message)"
      let line = "seed \(progress.seed): \(step) \(Format.seconds(progress.elapsed))\(fraction)\(message)"
      if redraws {
        lines[progress.seed] = line
        redraw()
      } else if progress.phase == .ended {
        console.err(line)
      }
    }
  }

  func finish() {
    lock.withLock {
      if redraws, drawn > 0 { console.errRaw("\u{1B}[\(drawn)A\u{1B}[J") }
      drawn = 0
    }
  }

  private func redraw() {
    var text = drawn > 0 ? "\u{1B}[\(drawn)A" : ""
    let shown = seeds.filter { lines[$0] != nil }
    for seed in shown { text += "\u{1B}[2K" + TerminalText.escape(lines[seed] ?? "") + "\n" }
    drawn = shown.count
    console.errRaw(text)
  }
}
