import Foundation
import RigorStatistics

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

  init(recorded: RunDocument, fresh: RunDocument, freshSeeds: Bool) {
    recordedCommit = recorded.resultCommit
    freshCommit = fresh.resultCommit
    self.freshSeeds = freshSeeds
    let sameEnvironment = ResultDiff.fields(recorded.environment) == ResultDiff.fields(fresh.environment)
    metrics = Set(recorded.metrics.keys).union(fresh.metrics.keys).sorted().map { name in
      let old = recorded.metrics[name] ?? []
      let new = fresh.metrics[name] ?? []
      let outcome = Self.compare(old: old, new: new, pairedBySeed: !freshSeeds && recorded.seeds == fresh.seeds, strict: sameEnvironment && !freshSeeds)
      return MetricCheck(name: name, outcome: outcome, recorded: MetricSummary(old.compactMap { $0 }), fresh: MetricSummary(new.compactMap { $0 }))
    }
    claims = Set(recorded.claims.map(\.id)).union(fresh.claims.map(\.id)).sorted().map { id in
      let old = recorded.claims.first { $0.id == id }
      let new = fresh.claims.first { $0.id == id }
      // The tier each side would have without the ledger's flags.
      let oldBase = old.map { $0.tierBeforeLedger ?? $0.tier }
      let newBase = new.map { $0.tierBeforeLedger ?? $0.tier }
      let sameVerdict = old?.verdict == new?.verdict
      let ledgerOnly = sameVerdict && old?.tier != new?.tier && oldBase == newBase
      return ClaimCheck(
        id: id, recordedVerdict: old?.verdict, freshVerdict: new?.verdict, recordedTier: old?.tier,
        freshTier: new?.tier, kept: sameVerdict && (old?.tier == new?.tier || ledgerOnly), ledgerOnly: ledgerOnly)
    }
    // With fresh seeds the contract is the claims' verdicts (docs/COMMAND-LINE.md); metric shifts are shown
    // but judged by the claims that name them.
    reproduced = claims.allSatisfy(\.kept)
      && (freshSeeds || metrics.allSatisfy { $0.outcome == "identical" || $0.outcome == "within_noise" })
  }

  static func compare(old: [Double?], new: [Double?], pairedBySeed: Bool, strict: Bool) -> String {
    let oldValues = old.compactMap { $0 }
    let newValues = new.compactMap { $0 }
    if oldValues.isEmpty || newValues.isEmpty { return oldValues.isEmpty && newValues.isEmpty ? "identical" : "missing" }
    if pairedBySeed, old.count == new.count,
      zip(old, new).allSatisfy({ a, b in
        guard let a, let b else { return a == nil && b == nil }
        return abs(a - b) <= 1e-9 * max(1, abs(a), abs(b))
      })
    {
      return "identical"
    }
    if strict && pairedBySeed { return "mismatch" }
    // Unpaired: the Welch interval of the difference of means must include zero.
    let change = ResultDiff.compare("", oldValues, newValues)
    guard let beyond = change.beyondNoise else { return "mismatch" }
    return beyond ? "mismatch" : "within_noise"
  }

  var text: String {
    var lines = [reproduced ? "reproduced" : "DID NOT REPRODUCE"]
    let width = metrics.map(\.name.count).max() ?? 0
    for m in metrics {
      lines.append("  \(m.name.padding(toLength: width, withPad: " ", startingAt: 0))  \(m.outcome.padding(toLength: 12, withPad: " ", startingAt: 0))  recorded \(m.recorded.text)  fresh \(m.fresh.text)")
    }
    func tier(_ t: Int?) -> String { t.map { "tier \($0)" } ?? "no tier" }
    for c in claims where !c.ledgerOnly {
      lines.append("  claim \(c.id): \(c.recordedVerdict?.rawValue ?? "absent") \(tier(c.recordedTier)) → \(c.freshVerdict?.rawValue ?? "absent") \(tier(c.freshTier))\(c.kept ? "" : "  CHANGED")")
    }
    let ledger = claims.filter(\.ledgerOnly)
    if !ledger.isEmpty {
      lines.append("tier changed only by the ledger check (not a mismatch):")
      for c in ledger {
        lines.append("  claim \(c.id): \(c.recordedVerdict?.rawValue ?? "absent") \(tier(c.recordedTier)) → \(tier(c.freshTier))")
      }
    }
    return lines.joined(separator: "\n")
  }
}
