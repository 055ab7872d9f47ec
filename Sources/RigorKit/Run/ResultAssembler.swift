/// Fills a `RunDocument` from the seeds' outcomes (docs/CLI-JSON.md's rules for statuses and vectors).
@_spi(Benchmarks) public enum ResultAssembler {
  /// `checkpoints` holds each seed's verified checkpoints (``CheckpointVerifier``).
  static func fill(
    _ document: inout RunDocument, notebook: Notebook, outcomes: [SeedOutcome],
    checkpoints: [Int: [CheckpointDocument]] = [:]
  ) {
    let bySeed = Dictionary(outcomes.map { ($0.seed, $0) }, uniquingKeysWith: { a, _ in a })
    document.runs = document.seeds.compactMap { bySeed[$0] }.map { outcome in
      var run = SeedRunDocument(
        seed: outcome.seed, status: outcome.status, seconds: outcome.seconds,
        peakMemoryBytes: outcome.peakMemoryBytes, blasThreads: outcome.blasThreads,
        steps: outcome.steps.map { step in
          let excerpt = OutputExcerpt(step.output, droppedBytes: step.droppedOutputBytes)
          return SeedStepDocument(
            index: step.index, status: step.status, seconds: step.seconds ?? 0,
            output: excerpt.text, outputDroppedBytes: excerpt.droppedBytes > 0 ? excerpt.droppedBytes : nil)
        })
      run.checkpoints = checkpoints[outcome.seed] ?? []
      return run
    }
    for index in document.steps.indices {
      let statuses = document.runs.compactMap { run in run.steps.first { $0.index == document.steps[index].index }?.status }
      document.steps[index].status = statuses.max()
    }
    // One pass over every seed's metrics: linear in metrics × seeds (a forged channel may send
    // the cap of 10,000 per seed).
    var metrics: [String: [Double?]] = [:]
    let seedCount = document.seeds.count
    for (position, seed) in document.seeds.enumerated() {
      guard let outcome = bySeed[seed] else { continue }
      for metric in outcome.metrics {
        if metrics[metric.name] == nil { metrics[metric.name] = Array(repeating: nil, count: seedCount) }
        // A failed seed contributes nothing: its values are null (docs/JUDGING.md, docs/CLI-JSON.md).
        if outcome.status == .ok, metrics[metric.name]![position] == nil {
          metrics[metric.name]![position] = metric.value
        }
      }
    }
    for outcome in outcomes where !document.seeds.contains(outcome.seed) {
      for metric in outcome.metrics where metrics[metric.name] == nil {
        metrics[metric.name] = Array(repeating: nil, count: seedCount)
      }
    }
    document.metrics = metrics
    var splits: [String: [String: [Int]]] = [:]
    for outcome in outcomes where outcome.status == .ok && !outcome.splits.isEmpty {
      splits[String(outcome.seed)] = outcome.splits
    }
    document.splits = splits.isEmpty ? nil : splits
    var metricSplits: [String: [String: String]] = [:]
    for outcome in outcomes where outcome.status == .ok && !outcome.metricSplits.isEmpty {
      metricSplits[String(outcome.seed)] = outcome.metricSplits
    }
    document.metricSplits = metricSplits.isEmpty ? nil : metricSplits
    document.errors = outcomes.flatMap { outcome in
      outcome.errors.map { ErrorDocument($0.diagnostic, step: $0.step, seed: outcome.seed) }
    }
    if outcomes.contains(where: { $0.status == .failed }) {
      document.status = .failed
    } else if outcomes.contains(where: { $0.status == .timedOut }) {
      document.status = .timedOut
    } else {
      document.status = .ok
    }
  }
}
