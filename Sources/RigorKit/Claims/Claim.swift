/// A claim from a notebook's ```claim block: what the author says and how to check it.
///
/// Only `id` and `says` are required (docs/NOTEBOOK-FORMAT.md); every other field has the default the
/// schema gives it, already resolved here, so two blocks that differ only in spelling out a
/// default are the same claim (same `canonicalForm`, same `canonicalHash`). `Judge` decides
/// the claim's tier from these fields and one run's evidence (docs/JUDGING.md).
public struct Claim: Hashable, Sendable {
  /// Which direction of the metric is an improvement.
  public enum Direction: String, Codable, Sendable, CaseIterable {
    case higher, lower
  }

  /// Whether the claim was tested on a toy problem or a realistic one.
  public enum Setting: String, Codable, Sendable, CaseIterable {
    case toy, realistic
  }

  /// Unique in the notebook, `[a-z0-9-]+`; prose links to it as `#id`.
  public var id: String
  /// The claim in words.
  public var says: String
  /// The method's metric, recorded by the steps with `record(_:_:)`.
  public var metric: String?
  /// A prediction about `metric`.
  public var expect: Expectation?
  /// A null control's metric that `metric` must beat.
  public var control: String?
  /// The useful task the claim is about; makes tiers 3-5 reachable.
  public var task: String?
  /// The strongest non-interpretability baseline's metric.
  public var baseline: String?
  /// Which direction is better (default higher).
  public var better: Direction
  /// The minimum effect that counts (default 0); the non-inferiority margin when `competitive`.
  public var margin: Double
  /// Non-inferiority ("as good as") instead of superiority against the baseline.
  public var competitive: Bool
  /// toy (default) or realistic.
  public var setting: Setting
  /// The author declares evaluation data disjoint from selection data (verified via splits).
  public var heldOut: Bool
  /// The author declares the task reduces a risk (a tier-5 candidate).
  public var safety: Bool
  /// The per-seed capability change the method causes.
  public var capability: String?
  /// The capability gain allowed for tier 5 (default 0: none).
  public var capabilityTolerance: Double
  /// The parameter values the claim is about (`when: {sparsity: 0.99}`); nil when it is about
  /// every run. On a run whose parameters differ, the verdict is `not_applicable`.
  public var when: [String: ParameterValue]?

  public init(
    id: String, says: String, metric: String? = nil, expect: Expectation? = nil,
    control: String? = nil, task: String? = nil, baseline: String? = nil,
    better: Direction = .higher, margin: Double = 0, competitive: Bool = false,
    setting: Setting = .toy, heldOut: Bool = false, safety: Bool = false,
    capability: String? = nil, capabilityTolerance: Double = 0,
    when: [String: ParameterValue]? = nil
  ) {
    self.id = id
    self.says = says
    self.metric = metric
    self.expect = expect
    self.control = control
    self.task = task
    self.baseline = baseline
    self.better = better
    self.margin = margin
    self.competitive = competitive
    self.setting = setting
    self.heldOut = heldOut
    self.safety = safety
    self.capability = capability
    self.capabilityTolerance = capabilityTolerance
    self.when = when
  }

  /// The metrics the claim names, in schema order without repeats: metric, control,
  /// baseline, capability. N counts the seeds on which all of them were recorded.
  public var namedMetrics: [String] {
    var names: [String] = []
    for name in [metric, control, baseline, capability].compactMap({ $0 })
    where !names.contains(name) {
      names.append(name)
    }
    return names
  }

  /// Whether the claim makes a checkable prediction (`expect`, `control` or `baseline`).
  public var hasPrediction: Bool { expect != nil || control != nil || baseline != nil }
}
