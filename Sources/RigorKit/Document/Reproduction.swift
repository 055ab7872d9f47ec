import Foundation

/// `rigor verify`'s verdict: what reproduced between a recorded result and a fresh run.
///
/// Same seeds: each metric must match seed by seed (equal up to 1e-9 relative, to allow for
/// nothing but printing round-off) or, when the environment changed, differ by no more than
/// seed noise (the 95% Welch interval of the difference of means includes zero). Fresh seeds:
/// every claim must keep its verdict; metric shifts are reported the same way but do not decide.
struct Reproduction: Codable {
  var recordedCommit: String?
  var freshCommit: String?
  var freshSeeds: Bool
  var metrics: [MetricCheck]
  var claims: [ClaimCheck]
  var reproduced: Bool

  enum CodingKeys: String, CodingKey {
    case metrics, claims, reproduced
    case recordedCommit = "recorded_commit"
    case freshCommit = "fresh_commit"
    case freshSeeds = "fresh_seeds"
  }

  struct MetricCheck: Codable {
    var name: String
    /// identical | within_noise | mismatch | missing
    var outcome: String
    var recorded: MetricSummary
    var fresh: MetricSummary
  }

  struct ClaimCheck: Codable {
    var id: String
    var recordedVerdict: Verdict?
    var freshVerdict: Verdict?
    var recordedTier: Int?
    var freshTier: Int?
    /// The verdict is kept and the tier too, or the tier changed only through the ledger.
    var kept: Bool
    /// The tier changed only through the ledger check (unstable, fishing, changed
    /// prediction): reported apart, not a mismatch (docs/COMMAND-LINE.md).
    var ledgerOnly: Bool

    enum CodingKeys: String, CodingKey {
      case id, kept
      case recordedVerdict = "recorded_verdict"
      case freshVerdict = "fresh_verdict"
      case recordedTier = "recorded_tier"
      case freshTier = "fresh_tier"
      case ledgerOnly = "tier_changed_by_ledger_only"
    }
  }
}
