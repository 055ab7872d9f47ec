/// What the ledger knows about one claim's earlier recorded runs (docs/JUDGING.md, the ledger check):
/// every earlier result of the notebook that judged a claim with this id, and how many runs
/// registered it but never recorded a result.
///
/// The runner builds it from commit trailers (`Ledger`); tests build it by hand.
public struct ClaimHistory: Hashable, Sendable {
  /// One earlier result, as far as it concerns this claim.
  public struct Run: Hashable, Sendable {
    /// How the earlier result's seeds ended, as far as this claim's metrics go.
    public enum Failure: String, Hashable, Sendable {
      /// Every seed finished.
      case none
      /// Some seed failed or timed out after recording one of the claim's metrics: a run that
      /// might have been stopped because of what it showed.
      case afterMetric = "after-metric"
      /// Some seed failed before recording any of the claim's metrics.
      case beforeMetric = "before-metric"
    }

    /// The result commit (40 hex digits), for naming it.
    public var commit: String
    /// Whether the claim had this run's definition then; nil when the result predates
    /// definition hashes and its claim text differed, so nobody can tell.
    public var sameDefinition: Bool?
    /// The result's parameters after overrides.
    public var parameters: [String: ParameterValue] {
      didSet { parametersKey = Ledger.parametersKey(parameters) }
    }
    /// `Ledger.parametersKey(parameters)`, kept to compare settings cheaply.
    public private(set) var parametersKey: String
    public var verdict: Verdict
    /// The claim's N then; nil when the result does not say.
    public var n: Int?
    /// The result's seeds.
    public var seeds: [Int]
    /// Whether the result recorded a value of any metric this run's claim names.
    public var recordedClaimMetrics: Bool
    public var failure: Failure

    public init(
      commit: String = "", sameDefinition: Bool?, parameters: [String: ParameterValue], verdict: Verdict,
      n: Int?, seeds: [Int], recordedClaimMetrics: Bool = true, failure: Failure = .none
    ) {
      self.commit = commit
      self.sameDefinition = sameDefinition
      self.parameters = parameters
      self.parametersKey = Ledger.parametersKey(parameters)
      self.verdict = verdict
      self.n = n
      self.seeds = seeds
      self.recordedClaimMetrics = recordedClaimMetrics
      self.failure = failure
    }
  }

  /// Earlier results, newest first.
  public var runs: [Run]
  /// Earlier registrations of this claim (by id) that no result completes.
  public var interrupted: Int
  /// Every seed any recorded run of the notebook used (for suggesting fresh seeds).
  public var recordedSeeds: Set<Int>

  public init(runs: [Run] = [], interrupted: Int = 0, recordedSeeds: Set<Int> = []) {
    self.runs = runs
    self.interrupted = interrupted
    self.recordedSeeds = recordedSeeds
  }
}
