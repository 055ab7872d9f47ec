/// The JSON document `rigor run` and `rigor check` print for one notebook (docs/CLI-JSON.md), and the
/// `result.json` stored with every recorded run (the same object plus `environment`).
///
/// This is the contract scripts rely on: field names and meanings only ever grow. Keys are
/// snake_case as docs/CLI-JSON.md writes them.
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
  /// The files `data:` let the seeds read, with their SHA-256 (provenance).
  public var data: [DataFileDocument]?
  /// Splits each finished seed declared, by seed then split name (for held-out checks).
  public var splits: [String: [String: [Int]]]?
  /// What made the run when it was not a plain `rigor run`: `verify` or `verify --fresh-seeds`.
  public var origin: String?
  /// The split each finished seed recorded a metric on (`record(_:_:on:)`), by seed then
  /// metric name; metrics recorded without a split are absent.
  public var metricSplits: [String: [String: String]]?
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
    case metricSplits = "metric_splits"
    case outputFolder = "output_folder"
    case data
    case origin
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
    try c.encode(resultCommit, forKey: .resultCommit)  // explicit null, as docs/CLI-JSON.md shows
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
    try c.encodeIfPresent(metricSplits, forKey: .metricSplits)
    try c.encodeIfPresent(outputFolder, forKey: .outputFolder)
    try c.encodeIfPresent(data, forKey: .data)
    try c.encodeIfPresent(origin, forKey: .origin)
    try c.encodeIfPresent(environment, forKey: .environment)
  }
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
  public var status: SeedStatus
  public var seconds: Double
  public var peakMemoryBytes: Int
  public var blasThreads: Int?
  public var steps: [SeedStepDocument]
  /// Checkpoints the seed loaded, as the runner verified them (nil in results older than them).
  public var checkpoints: [CheckpointDocument]?

  public init(seed: Int, status: SeedStatus, seconds: Double, peakMemoryBytes: Int, blasThreads: Int?, steps: [SeedStepDocument]) {
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
  public var verdict: Verdict
  public var reasons: [String]
  /// The hash of the claim's canonical fields, for the ledger check.
  public var claimHash: String?
  /// The claim's `says`, for reports.
  public var says: String?
  /// The author's declarations the tier rests on (docs/JUDGING.md): `task` for tiers 3-5, `setting`
  /// for 4-5, `safety` for 5.
  public var restsOn: [String]
  /// N, the complete seeds the claim was judged on; nil when it names no metric or the
  /// result predates the field.
  public var n: Int?
  /// The sign-flip p of each superiority comparison (control, then baseline).
  public var pValues: [Double]?
  /// The tier the claim would have without the ledger's flags (unstable, fishing, a changed
  /// prediction); present only when the ledger changed the tier.
  public var tierBeforeLedger: Int?

  public init(
    id: String, tier: Int?, verdict: Verdict, reasons: [String], says: String? = nil,
    claimHash: String? = nil, restsOn: [String]? = nil
  ) {
    self.claimHash = claimHash
    self.restsOn = restsOn ?? ClaimJudgement.restsOn(tier: tier)
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
    try c.encode(restsOn, forKey: .restsOn)
    try c.encodeIfPresent(n, forKey: .n)
    try c.encodeIfPresent(pValues, forKey: .pValues)
    try c.encodeIfPresent(tierBeforeLedger, forKey: .tierBeforeLedger)
  }

  public init(from decoder: Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    id = try c.decode(String.self, forKey: .id)
    tier = try c.decodeIfPresent(Int.self, forKey: .tier)
    verdict = try c.decode(Verdict.self, forKey: .verdict)
    reasons = try c.decode([String].self, forKey: .reasons)
    says = try c.decodeIfPresent(String.self, forKey: .says)
    claimHash = try c.decodeIfPresent(String.self, forKey: .claimHash)
    // Results recorded before `rests_on` existed: derived from the tier, as the judge does.
    restsOn = try c.decodeIfPresent([String].self, forKey: .restsOn) ?? ClaimJudgement.restsOn(tier: tier)
    n = try c.decodeIfPresent(Int.self, forKey: .n)
    pValues = try c.decodeIfPresent([Double].self, forKey: .pValues)
    tierBeforeLedger = try c.decodeIfPresent(Int.self, forKey: .tierBeforeLedger)
  }

  /// The tier as the text views print it: `3†` when it rests on the author's declarations,
  /// `-` when there is none.
  public var tierMark: String {
    guard let tier else { return "-" }
    return restsOn.isEmpty ? String(tier) : "\(tier)\u{2020}"
  }

  /// The one line that explains the `†` mark.
  public static let restsOnNote =
    "\u{2020} the tier rests on the author's declarations (task for tiers 3-5, setting for 4-5, safety for 5)"

  enum CodingKeys: String, CodingKey {
    case id, tier, verdict, reasons, says
    case claimHash = "claim_hash"
    case restsOn = "rests_on"
    case n
    case pValues = "p_values"
    case tierBeforeLedger = "tier_before_ledger"
  }
}

/// A pontification flag in prose.
public struct FlagDocument: Codable, Sendable, Equatable {
  public var file: String
  public var line: Int
  public var cue: String
  public var text: String
  /// Why the sentence's anchors or claim links did not count (docs/JUDGING.md); absent when it had
  /// none or they could not be checked.
  public var reasons: [String]?

  public init(file: String, line: Int, cue: String, text: String, reasons: [String]? = nil) {
    self.reasons = reasons
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
