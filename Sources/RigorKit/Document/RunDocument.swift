/// The JSON document `rigor run` and `rigor check` print for one notebook (CLI.md), and the
/// `result.json` stored with every recorded run (the same object plus `environment`).
///
/// This is the contract scripts rely on: field names and meanings only ever grow. Keys are
/// snake_case as CLI.md writes them.
public struct RunDocument: Codable, Sendable, Equatable {
  public var schema: Int = 1
  public var rigorVersion: String = RigorKit.rigorVersion
  /// The notebook's path relative to the repository root.
  public var notebook: String
  public var status: RunStatus
  /// The result commit, or nil with `--no-commit` or when nothing could be stored.
  public var resultCommit: String?
  public var resultsRef: String
  public var seeds: [Int]
  public var steps: [StepDocument]
  public var runs: [SeedRunDocument]
  /// Each metric's values, following `seeds`; nil where a seed did not record it or failed.
  public var metrics: [String: [Double?]]
  public var claims: [ClaimDocument]
  public var flags: [FlagDocument]
  public var errors: [ErrorDocument]
  /// True when seeds ran under bubblewrap.
  public var sandbox: Bool?
  /// Parameters after overrides.
  public var parameters: [String: ParameterValue]?
  /// Where and with what the run happened; present in stored results.
  public var environment: EnvironmentDocument?
  /// Splits each finished seed declared, by seed then split name (for held-out checks).
  public var splits: [String: [String: [Int]]]?
  /// With `--no-commit`, the folder that keeps the seeds' output and files (nothing is
  /// recorded, so this is the only copy).
  public var outputFolder: String?
  /// The git blob id of the notebook text this result ran (from the commit's trailer; not
  /// serialised).
  public var notebookBlob: String?

  public init(
    notebook: String, status: RunStatus, resultsRef: String, seeds: [Int],
    steps: [StepDocument] = [], runs: [SeedRunDocument] = [], metrics: [String: [Double?]] = [:],
    claims: [ClaimDocument] = [], flags: [FlagDocument] = [], errors: [ErrorDocument] = []
  ) {
    self.notebook = notebook
    self.status = status
    self.resultsRef = resultsRef
    self.seeds = seeds
    self.steps = steps
    self.runs = runs
    self.metrics = metrics
    self.claims = claims
    self.flags = flags
    self.errors = errors
  }

  enum CodingKeys: String, CodingKey {
    case schema, notebook, status, seeds, steps, runs, metrics, claims, flags, errors, sandbox
    case parameters, environment, splits
    case outputFolder = "output_folder"
    case rigorVersion = "rigor_version"
    case resultCommit = "result_commit"
    case resultsRef = "results_ref"
  }

  public func encode(to encoder: Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(schema, forKey: .schema)
    try c.encode(rigorVersion, forKey: .rigorVersion)
    try c.encode(notebook, forKey: .notebook)
    try c.encode(status, forKey: .status)
    try c.encode(resultCommit, forKey: .resultCommit)  // explicit null, as CLI.md shows
    try c.encode(resultsRef, forKey: .resultsRef)
    try c.encode(seeds, forKey: .seeds)
    try c.encode(steps, forKey: .steps)
    try c.encode(runs, forKey: .runs)
    try c.encode(metrics, forKey: .metrics)
    try c.encode(claims, forKey: .claims)
    try c.encode(flags, forKey: .flags)
    try c.encode(errors, forKey: .errors)
    try c.encodeIfPresent(sandbox, forKey: .sandbox)
    try c.encodeIfPresent(parameters, forKey: .parameters)
    try c.encodeIfPresent(splits, forKey: .splits)
    try c.encodeIfPresent(outputFolder, forKey: .outputFolder)
    try c.encodeIfPresent(environment, forKey: .environment)
  }
}

/// A notebook run's overall status.
public enum RunStatus: String, Codable, Sendable {
  case ok, invalid, failed
  case compileError = "compile_error"
  case timedOut = "timed_out"
}

/// A step's status in one seed, or its worst over seeds.
public enum StepStatus: String, Codable, Sendable, Comparable {
  case ok, skipped, failed
  case timedOut = "timed_out"

  /// failed > timed_out > skipped > ok (CLI.md).
  var severity: Int {
    switch self {
    case .ok: 0
    case .skipped: 1
    case .timedOut: 2
    case .failed: 3
    }
  }

  public static func < (a: StepStatus, b: StepStatus) -> Bool { a.severity < b.severity }
}

/// A step as the notebook declares it, with its worst status over seeds.
public struct StepDocument: Codable, Sendable, Equatable {
  public var index: Int
  public var line: Int
  public var status: StepStatus?
  public var code: String

  public init(index: Int, line: Int, status: StepStatus?, code: String) {
    self.index = index
    self.line = line
    self.status = status
    self.code = code
  }
}

/// One seed's process: its status, time, memory and per-step outcome.
public struct SeedRunDocument: Codable, Sendable, Equatable {
  public var seed: Int
  public var status: StepStatus
  public var seconds: Double
  public var peakMemoryBytes: Int
  public var blasThreads: Int?
  public var steps: [SeedStepDocument]
  /// Checkpoints the seed loaded, as the runner verified them (nil in results older than them).
  public var checkpoints: [CheckpointDocument]?

  public init(seed: Int, status: StepStatus, seconds: Double, peakMemoryBytes: Int, blasThreads: Int?, steps: [SeedStepDocument]) {
    self.seed = seed
    self.status = status
    self.seconds = seconds
    self.peakMemoryBytes = peakMemoryBytes
    self.blasThreads = blasThreads
    self.steps = steps
  }

  enum CodingKeys: String, CodingKey {
    case seed, status, seconds, steps, checkpoints
    case peakMemoryBytes = "peak_memory_bytes"
    case blasThreads = "blas_threads"
  }
}

/// One step's outcome in one seed.
public struct SeedStepDocument: Codable, Sendable, Equatable {
  public var index: Int
  public var status: StepStatus
  public var seconds: Double
  /// What the step printed (stdout and stderr as they arrived), its head and tail when long;
  /// absent when it printed nothing.
  public var output: String?
  /// Bytes left out of the middle of `output`.
  public var outputDroppedBytes: Int?

  public init(index: Int, status: StepStatus, seconds: Double, output: String? = nil, outputDroppedBytes: Int? = nil) {
    self.index = index
    self.status = status
    self.seconds = seconds
    self.output = output
    self.outputDroppedBytes = outputDroppedBytes
  }

  enum CodingKeys: String, CodingKey {
    case index, status, seconds, output
    case outputDroppedBytes = "output_dropped_bytes"
  }
}

/// A claim's verdict and tier with the reasons that decided them.
public struct ClaimDocument: Codable, Sendable, Equatable {
  public var id: String
  /// 1-5, or nil when refuted.
  public var tier: Int?
  public var verdict: String
  public var reasons: [String]
  /// The hash of the claim's canonical fields, for the ledger check.
  public var claimHash: String?
  /// The claim's `says`, for reports.
  public var says: String?

  public init(id: String, tier: Int?, verdict: String, reasons: [String], says: String? = nil, claimHash: String? = nil) {
    self.claimHash = claimHash
    self.id = id
    self.tier = tier
    self.verdict = verdict
    self.reasons = reasons
    self.says = says
  }

  public func encode(to encoder: Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(id, forKey: .id)
    try c.encode(tier, forKey: .tier)
    try c.encode(verdict, forKey: .verdict)
    try c.encode(reasons, forKey: .reasons)
    try c.encodeIfPresent(says, forKey: .says)
    try c.encodeIfPresent(claimHash, forKey: .claimHash)
  }

  enum CodingKeys: String, CodingKey {
    case id, tier, verdict, reasons, says
    case claimHash = "claim_hash"
  }
}

/// A pontification flag in prose.
public struct FlagDocument: Codable, Sendable, Equatable {
  public var file: String
  public var line: Int
  public var cue: String
  public var text: String

  public init(file: String, line: Int, cue: String, text: String) {
    self.file = file
    self.line = line
    self.cue = cue
    self.text = text
  }
}

/// An error at a notebook position, optionally tied to a step and seed.
public struct ErrorDocument: Codable, Sendable, Equatable {
  public var file: String
  public var line: Int
  public var column: Int
  public var step: Int?
  public var seed: Int?
  public var message: String

  public init(_ diagnostic: Diagnostic, step: Int? = nil, seed: Int? = nil) {
    file = diagnostic.location.file
    line = diagnostic.location.line
    column = diagnostic.location.column
    self.step = step
    self.seed = seed
    message = diagnostic.message
  }

  public func encode(to encoder: Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(file, forKey: .file)
    try c.encode(line, forKey: .line)
    try c.encode(column, forKey: .column)
    try c.encode(step, forKey: .step)
    try c.encode(seed, forKey: .seed)
    try c.encode(message, forKey: .message)
  }
}
