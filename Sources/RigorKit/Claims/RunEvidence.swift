/// Everything one run offers the judge: per-seed results and the run's place in the ledger.
public struct RunEvidence: Hashable, Sendable {
  /// The pre-registration of the claims: the commit that recorded them before any seed ran.
  public struct Registration: Hashable, Sendable, Codable {
    /// The registration commit's id (40 hex digits; reasons show the first 12).
    public var commit: String
    /// The results ref it is on, e.g. `refs/rigor/superposition`.
    public var ref: String

    public init(commit: String, ref: String) {
      self.commit = commit
      self.ref = ref
    }
  }

  /// Every seed of the run, finished or not, in run order.
  public var seeds: [SeedEvidence]
  /// Whether this run is being recorded as a commit on the results ref (false with `--no-commit`).
  public var recordedInLedger: Bool
  /// The verdicts of earlier recorded runs of the same claim (same `canonicalHash`) with the
  /// same parameters; interrupted runs (a registration without a result) are not included.
  public var earlierVerdicts: [Verdict]
  /// The registration of this run, when one was committed.
  public var registration: Registration?
  /// The run's parameters after overrides, for claims with `when`.
  public var parameters: [String: ParameterValue]

  public init(
    seeds: [SeedEvidence], recordedInLedger: Bool = false, earlierVerdicts: [Verdict] = [],
    registration: Registration? = nil, parameters: [String: ParameterValue] = [:]
  ) {
    self.parameters = parameters
    self.seeds = seeds
    self.recordedInLedger = recordedInLedger
    self.earlierVerdicts = earlierVerdicts
    self.registration = registration
  }
}
