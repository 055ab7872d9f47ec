import Foundation
import RigorStatistics

extension ResultDiff {
  init(a: RunDocument, b: RunDocument) {
    self.a = a.resultCommit
    self.b = b.resultCommit
    let names = Set(a.metrics.keys).union(b.metrics.keys).sorted()
    metrics = names.map { name in
      Self.compare(name, (a.metrics[name] ?? []).compactMap { $0 }, (b.metrics[name] ?? []).compactMap { $0 })
    }
    var claims: [ClaimChange] = []
    for id in Set(a.claims.map(\.id)).union(b.claims.map(\.id)).sorted() {
      let ca = a.claims.first { $0.id == id }
      let cb = b.claims.first { $0.id == id }
      if ca?.tier != cb?.tier || ca?.verdict != cb?.verdict || ca?.restsOn != cb?.restsOn {
        claims.append(ClaimChange(
          id: id, tierA: ca?.tier, tierB: cb?.tier, verdictA: ca?.verdict, verdictB: cb?.verdict,
          restsOnA: ca?.restsOn, restsOnB: cb?.restsOn))
      }
    }
    self.claims = claims
    parameters = Self.changes(
      (a.parameters ?? [:]).mapValues(\.description), (b.parameters ?? [:]).mapValues(\.description))
    environment = Self.changes(Self.fields(a.environment), Self.fields(b.environment))
  }

  static func compare(_ name: String, _ x: [Double], _ y: [Double]) -> MetricChange {
    var change = MetricChange(name: name, a: MetricSummary(x), b: MetricSummary(y))
    guard !x.isEmpty, !y.isEmpty else { return change }
    let difference = Statistics.mean(y) - Statistics.mean(x)
    change.difference = difference
    guard x.count > 1, y.count > 1 else { return change }
    let vx = Statistics.sampleVariance(x) / Double(x.count)
    let vy = Statistics.sampleVariance(y) / Double(y.count)
    let se = (vx + vy).squareRoot()
    if se == 0 {
      change.ciLow = difference
      change.ciHigh = difference
      change.beyondNoise = difference != 0
      return change
    }
    // Welch–Satterthwaite degrees of freedom.
    let df = (vx + vy) * (vx + vy)
      / (vx * vx / Double(x.count - 1) + vy * vy / Double(y.count - 1))
    let t = Statistics.tQuantile(0.975, degreesOfFreedom: df)
    change.ciLow = difference - t * se
    change.ciHigh = difference + t * se
    change.beyondNoise = change.ciLow! > 0 || change.ciHigh! < 0
    return change
  }

  static func fields(_ environment: EnvironmentDocument?) -> [String: String] {
    guard let environment else { return [:] }
    return [
      "swift_version": environment.swiftVersion, "os": environment.os, "cpu": environment.cpu,
      "cores": String(environment.cores), "blas": environment.blas,
      "blas_threads_per_seed": String(environment.blasThreadsPerSeed),
      "interp_tree": environment.interpTree ?? "-",
    ]
  }

  static func changes(_ a: [String: String], _ b: [String: String]) -> [FieldChange] {
    Set(a.keys).union(b.keys).sorted().compactMap { key in
      a[key] == b[key] ? nil : FieldChange(field: key, a: a[key], b: b[key])
    }
  }

  var text: String {
    var lines = ["diff \(a.map { String($0.prefix(12)) } ?? "?") → \(b.map { String($0.prefix(12)) } ?? "?")"]
    for m in metrics {
      let delta = m.difference.map { ($0 >= 0 ? "+" : "") + Format.number($0) } ?? "n/a"
      let noise = m.beyondNoise.map { $0 ? "beyond seed noise" : "within seed noise" } ?? "cannot tell"
      lines.append("  \(m.name): \(m.a.text) → \(m.b.text)  (\(delta), \(noise))")
    }
    func mark(_ tier: Int?, _ restsOn: [String]?) -> String {
      guard let tier else { return "-" }
      return (restsOn ?? []).isEmpty ? String(tier) : "\(tier)\u{2020}"
    }
    for c in claims {
      lines.append("  claim \(c.id): \(c.verdictA?.rawValue ?? "absent") tier \(mark(c.tierA, c.restsOnA)) → \(c.verdictB?.rawValue ?? "absent") tier \(mark(c.tierB, c.restsOnB))")
    }
    if claims.contains(where: { !($0.restsOnA ?? []).isEmpty || !($0.restsOnB ?? []).isEmpty }) {
      lines.append("  " + ClaimDocument.restsOnNote)
    }
    for p in parameters { lines.append("  param \(p.field): \(p.a ?? "-") → \(p.b ?? "-")") }
    for e in environment { lines.append("  env \(e.field): \(e.a ?? "-") → \(e.b ?? "-")") }
    if metrics.isEmpty && claims.isEmpty && parameters.isEmpty && environment.isEmpty {
      lines.append("  no differences")
    }
    return lines.joined(separator: "\n")
  }
}
