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
  /// The claim's earlier recorded runs, for the ledger check.
  public var history: ClaimHistory
  /// The registration of this run, when one was committed.
  public var registration: Registration?
  /// The run's parameters after overrides, for claims with `when`.
  public var parameters: [String: ParameterValue]

  public init(
    seeds: [SeedEvidence], recordedInLedger: Bool = false, earlierVerdicts: [Verdict] = [],
    registration: Registration? = nil, parameters: [String: ParameterValue] = [:],
    history: ClaimHistory? = nil
  ) {
    self.parameters = parameters
    self.seeds = seeds
    self.recordedInLedger = recordedInLedger
    self.registration = registration
    // `earlierVerdicts` is shorthand for earlier results of the same definition and
    // parameters on the same seeds, each with N seeds.
    self.history = history ?? ClaimHistory(runs: earlierVerdicts.map { verdict in
      ClaimHistory.Run(
        sameDefinition: true, parameters: parameters, verdict: verdict, n: seeds.count,
        seeds: seeds.map(\.seed))
    })
  }

  /// The verdicts of earlier results with this run's definition and parameters.
  public var earlierVerdicts: [Verdict] {
    let key = Ledger.parametersKey(parameters)
    return history.runs.filter { $0.sameDefinition == true && $0.parametersKey == key }.map(\.verdict)
  }
}
