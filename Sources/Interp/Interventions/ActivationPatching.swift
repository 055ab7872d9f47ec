import Foundation

/// Activation patching: run the corrupted input with one clean activation patched in, and
/// measure how much of the clean behaviour returns (TransformerLens's `patching.py`).
///
/// ```swift
/// let metric = ActivationPatching.logitDifference(correct: [3], incorrect: [5])
/// let grid = try ActivationPatching.residualByPosition(model, clean: clean, corrupted: corrupted, metric: metric)
/// // grid.values[layer][position]; 1 = fully restores the clean metric, 0 = no effect
/// ```
public enum ActivationPatching {
  /// A scalar summary of the logits (higher = more "clean-like").
  public typealias Metric = (_ logits: Tensor) -> Double

  /// Mean over the batch of `logit[correct] − logit[incorrect]` at the last position.
  ///
  /// Token lists shorter than the batch are reused cyclically (one pair for a whole batch);
  /// empty lists or logits that are not `[batch, pos, vocab]` give NaN.
  public static func logitDifference(correct: [Int], incorrect: [Int]) -> Metric {
    { logits in
      guard !correct.isEmpty, !incorrect.isEmpty, logits.rank == 3 else { return .nan }
      let last = HookedTransformer.lastPosition(logits)
      var total = 0.0
      for b in 0..<last.shape[0] {
        total += Double(last.scalar(at: [b, correct[b % correct.count]]) - last.scalar(at: [b, incorrect[b % incorrect.count]]))
      }
      return total / Double(Swift.max(1, last.shape[0]))
    }
  }

  /// A grid of normalised patching effects with its labels.
  public struct Grid: CustomStringConvertible {
    /// `(patched − corrupted) / (clean − corrupted)` for each cell.
    public var values: [[Double]]
    /// The raw metric for each cell.
    public var raw: [[Double]]
    public var rowLabels: [String]
    public var columnLabels: [String]
    /// The metric on the clean and on the corrupted run.
    public var clean: Double
    public var corrupted: Double

    public var description: String {
      var lines = ["clean \(clean), corrupted \(corrupted)"]
      for (label, row) in zip(rowLabels, values) {
        lines.append("\(label): " + row.map { String(format: "%.3f", $0) }.joined(separator: " "))
      }
      return lines.joined(separator: "\n")
    }
  }

  /// The metric of the corrupted run with `region` of `point` taken from the clean run.
  public static func patch(
    _ model: HookedTransformer, clean: ActivationCache, corrupted: [[Int]], point: HookPoint,
    region: ActivationRegion = .all, metric: Metric
  ) throws -> Double {
    let source = try clean[point]
    let hook: HookFunction = { activation, p in try region.blend(activation, source, at: p) }
    return metric(try withNoGrad { try model.run(corrupted, hooks: [(point, hook)]) })
  }

  /// Patches `site` at every layer × position.
  public static func byPosition(
    _ model: HookedTransformer, clean: [[Int]], corrupted: [[Int]], site: HookPoint.Site = .residPre, metric: Metric
  ) throws -> Grid {
    let positions = try checkedLength(clean, corrupted)
    return try grid(model, clean: clean, corrupted: corrupted, site: site, columns: positions, label: "pos", metric: metric) {
      .position($0)
    }
  }

  /// Patches `site` (default `attn.hook_z`) at every layer × head, over all positions.
  public static func byHead(
    _ model: HookedTransformer, clean: [[Int]], corrupted: [[Int]], site: HookPoint.Site = .attnZ, metric: Metric
  ) throws -> Grid {
    _ = try checkedLength(clean, corrupted)
    return try grid(model, clean: clean, corrupted: corrupted, site: site, columns: model.config.headCount, label: "head", metric: metric) {
      .head($0)
    }
  }

  /// Patches the whole of `site` at each layer (one column).
  public static func byLayer(
    _ model: HookedTransformer, clean: [[Int]], corrupted: [[Int]], site: HookPoint.Site = .residPre, metric: Metric
  ) throws -> Grid {
    _ = try checkedLength(clean, corrupted)
    return try grid(model, clean: clean, corrupted: corrupted, site: site, columns: 1, label: "all", metric: metric) { _ in .all }
  }

  static func grid(
    _ model: HookedTransformer, clean: [[Int]], corrupted: [[Int]], site: HookPoint.Site, columns: Int, label: String,
    metric: Metric, region: (Int) -> ActivationRegion
  ) throws -> Grid {
    let layers = model.config.layerCount
    let points = (0..<layers).map { HookPoint(site, layer: $0) }
    let (cleanLogits, cache) = try withNoGrad { try model.runWithCache(clean, points: points) }
    let cleanMetric = metric(cleanLogits)
    let corruptedMetric = metric(try withNoGrad { try model(corrupted) })
    let span = cleanMetric - corruptedMetric
    var raw: [[Double]] = []
    for point in points {
      raw.append(try (0..<columns).map { try patch(model, clean: cache, corrupted: corrupted, point: point, region: region($0), metric: metric) })
    }
    let values = raw.map { row in row.map { span == 0 ? 0 : ($0 - corruptedMetric) / span } }
    return Grid(
      values: values, raw: raw, rowLabels: points.map(\.name), columnLabels: (0..<columns).map { "\(label) \($0)" },
      clean: cleanMetric, corrupted: corruptedMetric)
  }

  static func checkedLength(_ clean: [[Int]], _ corrupted: [[Int]]) throws -> Int {
    guard clean.count == corrupted.count, let length = clean.first?.count,
      clean.allSatisfy({ $0.count == length }), corrupted.allSatisfy({ $0.count == length })
    else {
      throw TransformerError.invalidIntervention(
        "clean and corrupted batches must have the same number of sequences and one common length; got \(clean.map(\.count)) and \(corrupted.map(\.count))")
    }
    return length
  }
}
