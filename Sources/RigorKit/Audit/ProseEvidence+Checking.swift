extension ProseEvidence {
  /// Whether one anchor agrees with what was recorded; when it does not, why (docs/JUDGING.md: the
  /// flag names the number that matches nothing recorded).
  func check(_ anchor: Anchor, against context: ProseAuditContext) -> (counts: Bool, why: String?) {
    switch anchor {
    case .plusMinus(let x):
      if context.metrics.values.contains(where: { x.matches($0.mean) }) { return (true, nil) }
      return (false, "\(x.text) ± ...: \(x.text) matches no recorded metric's mean at \(Self.precision(x))")
    case .interval(let a, let b, let text):
      let decimals = max(a.decimals, b.decimals)
      let mid = Number(value: (a.value + b.value) / 2, decimals: decimals, text: "")
      let near = context.metrics.filter { mid.matches($0.value.mean) }
      if near.contains(where: { m in m.value.low.map(a.matches) == true && m.value.high.map(b.matches) == true }) {
        return (true, nil)
      }
      if let (name, metric) = near.sorted(by: { $0.key < $1.key }).first {
        let recorded = [metric.low, metric.high].map { $0.map { ReasonFormat.number($0) } ?? "none" }
        return (false, "\(text): the midpoint matches '\(name)''s mean, but the bounds do not match its recorded 95% CI [\(recorded[0]), \(recorded[1])]")
      }
      return (false, "\(text): its midpoint \(ReasonFormat.number(mid.value)) matches no recorded metric's mean at \(Self.precision(mid))")
    case .intervalMention:
      return (false, "a confidence interval is mentioned, but no interval is written to check")
    case .count(let k, let text):
      let ns = Set(context.claims.values.compactMap(\.n))
      if ns.contains(k) { return (true, nil) }
      let known = ns.sorted().map(String.init).joined(separator: ", ")
      return (false, "\(text): no claim has N = \(k)" + (known.isEmpty ? "" : " (claims' N: \(known))"))
    case .pValue(let relation, let x, let text):
      let ps = context.claims.values.flatMap(\.pValues)
      let holds: Bool
      switch relation {
      case "=": holds = ps.contains(where: x.matches)
      case "<": holds = ps.contains { $0 < x.value }
      default: holds = ps.contains { $0 <= x.value }
      }
      if holds { return (true, nil) }
      return (false, "\(text): matches no claim's sign-flip p" + (ps.isEmpty ? " (no p was computed)" : ""))
    case .reference:
      return (true, nil)
    }
  }

  private static func precision(_ x: Number) -> String {
    x.decimals == 1 ? "1 decimal" : "\(x.decimals) decimals"
  }
}
