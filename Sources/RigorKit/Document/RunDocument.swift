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
