/// One claim's view of a run's evidence: which seeds count, and its metrics as paired vectors.
///
/// docs/JUDGING.md: a seed that failed or timed out contributes nothing, not even values recorded
/// before it stopped; N is the number of finished seeds on which all the claim's named
/// metrics were recorded (complete cases), and vectors are paired by seed over those.
struct ClaimData {
  /// Every seed of the run.
  let all: [SeedEvidence]
  /// Seeds that finished and recorded only finite values.
  let finished: [SeedEvidence]
  /// Seeds that failed.
  let failed: [Int]
  /// Seeds that timed out.
  let timedOut: [Int]
  /// Finished seeds with a non-finite value, which the runtime should have made a step error;
  /// they are judged as failed seeds. Each with the offending metric and value.
  let nonFinite: [(seed: Int, metric: String, value: Double)]
  /// Finished seeds that recorded every named metric, in run order.
  let complete: [SeedEvidence]
  /// Finished seeds that missed some named metric, with the names they missed.
  let incomplete: [(seed: Int, missing: [String])]

  init(claim: Claim, seeds: [SeedEvidence]) {
    all = seeds
    failed = seeds.filter { $0.status == .failed }.map(\.seed)
    timedOut = seeds.filter { $0.status == .timedOut }.map(\.seed)
    var finished: [SeedEvidence] = []
    var nonFinite: [(Int, String, Double)] = []
    for seed in seeds where seed.status == .ok {
      if let bad = seed.metrics.sorted(by: { $0.key < $1.key }).first(where: { !$0.value.isFinite }) {
        nonFinite.append((seed.seed, bad.key, bad.value))
      } else {
        finished.append(seed)
      }
    }
    self.finished = finished
    self.nonFinite = nonFinite
    let named = claim.namedMetrics
    complete = finished.filter { seed in named.allSatisfy { seed.metrics[$0] != nil } }
    incomplete = finished.compactMap { seed in
      let missing = named.filter { seed.metrics[$0] == nil }
      return missing.isEmpty ? nil : (seed.seed, missing)
    }
  }

  /// N: the number of complete cases.
  var n: Int { complete.count }

  /// Seeds that did not finish (failed, timed out, or recorded a non-finite value).
  var unfinishedCount: Int { failed.count + timedOut.count + nonFinite.count }

  /// The named metric's values over the complete cases, in run order.
  func values(_ name: String) -> [Double] {
    complete.map { $0.metrics[name] ?? .nan }
  }

  /// Whether `name` was recorded on at least one finished seed.
  func wasRecorded(_ name: String) -> Bool {
    finished.contains { $0.metrics[name] != nil }
  }

  /// Every metric name recorded on a finished seed, sorted.
  var recordedNames: [String] {
    Array(Set(finished.flatMap(\.metrics.keys))).sorted()
  }
}
