import ArgumentParser
import Foundation

/// `rigor run`: validate, compile once, run every seed, judge the claims, commit the result.
struct RunCommand: RigorSubcommand {
  static let configuration = CommandConfiguration(
    commandName: "run",
    abstract: "Run notebooks: every seed, every claim judged, the result committed to refs/rigor/NAME.")

  @Argument(help: "Notebook files (Markdown).")
  var notebooks: [String]

  @Option(name: .customLong("param"), help: "Override a front-matter parameter: NAME=VALUE (repeatable).")
  var parameters: [String] = []

  @Option(help: "Seeds to run: a count N (seeds 0 to N-1), a list 0,3,7 (one seed as 7,) or a range 5-9. Default: front matter, else 5.")
  var seeds: String?

  @Option(help: "Seeds run in parallel (default: the number of cores).")
  var jobs: Int?

  @Option(help: "Seconds allowed for one seed's whole run (default: front matter, else 600).")
  var timeout: Double?

  @Flag(name: .customLong("no-commit"), help: "Run and judge, but record nothing in git.")
  var noCommit = false

  @Flag(name: .customLong("no-sandbox"), help: "Run seeds without bubblewrap (recorded in the result).")
  var noSandbox = false

  @Option(name: .customLong("min-tier"), help: "Exit 1 when any claim is below this tier (1-5).")
  var minTier: Int?

  @Option(name: .customLong("memory-limit"), help: "Maximum memory per seed, in MiB.")
  var memoryLimit: Int?

  @Flag(name: .customLong("init"), help: "Outside a git repository, create one in the notebook's folder.")
  var initialize = false

  @Flag(name: [.short, .customLong("verbose")], help: "Stream each seed's output live on standard error, each line prefixed by its seed.")
  var verbose = false

  @Option(name: .customLong("model-store"), help: ArgumentHelp("The model store checkpoints load from (default: $RIGOR_MODELS).", visibility: .hidden))
  var modelStore: String?
  @Option(name: .customLong("model-manifest"), help: ArgumentHelp("A model manifest JSON file replacing Rigor's (for tests).", visibility: .hidden))
  var modelManifest: String?
  @OptionGroup var common: CommonOptions

  func validate() throws {
    if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
    if let timeout, !(timeout > 0) { throw ValidationError("--timeout must be a positive number of seconds") }
    if let minTier, !(1...5).contains(minTier) { throw ValidationError("--min-tier must be 1 to 5") }
    if let memoryLimit, memoryLimit < 16 { throw ValidationError("--memory-limit is in MiB and must be at least 16") }
  }

  func execute(_ console: Console) throws -> ExitStatus {
    var options = RunOptions()
    options.overrides = try ParameterOverrides(parameters)
    options.seeds = try seeds.map(SeedSelection.parse)
    options.jobs = jobs
    options.timeout = timeout
    options.commit = !noCommit
    options.sandbox = !noSandbox
    options.minimumTier = minTier
    options.memoryLimitBytes = memoryLimit.map { $0 * 1024 * 1024 }
    options.initializeRepository = initialize
    options.format = common.format
    options.modelStore = modelStore.map { URL(fileURLWithPath: $0) }
    options.modelManifest = try modelManifest.map { try ModelManifest.load(from: URL(fileURLWithPath: $0)) }
    options.verbose = verbose
    return try NotebookBatch(console: console, options: options).run(notebooks, mode: .run)
  }
}
