import Foundation
import RigorStatistics

extension Reproduction {
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
