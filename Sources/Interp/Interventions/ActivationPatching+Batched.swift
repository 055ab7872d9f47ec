/// Patching grids computed in batches from the patched layer on: the same numbers as
/// ``ActivationPatching/byPosition(_:clean:corrupted:site:metric:)`` and
/// ``ActivationPatching/byHead(_:clean:corrupted:site:metric:)`` for a metric read at the last
/// position, for about a third of the arithmetic.
///
/// A patch at layer `L` cannot change anything before `L`, so each variant starts from the
/// corrupted run's cached residual stream entering block `L`; and the variants of one layer
/// (one per position, or one per head) run as one stacked batch, so the matrix products are
/// large. Only the last position is unembedded.
extension ActivationPatching {
  /// Residual-stream patching (`hook_resid_pre`) at every layer × position, batched.
  ///
  /// `metric` sees logits at the last position only, `[batch, 1, d_vocab]` (as
  /// ``logitDifference(correct:incorrect:)`` reads them); `values[layer][position]`.
  ///
  /// - Throws: ``TransformerError/invalidIntervention(_:)`` for batches that differ in size
  ///   or length, or any error of the model run.
  public static func residualByLayerAndPosition(
    _ model: HookedTransformer, clean: [[Int]], corrupted: [[Int]], metric: Metric
  ) throws -> Grid {
    let length = try checkedLength(clean, corrupted)
    let n = clean.count
    let points = (0..<model.config.layerCount).map { HookPoint.residPre($0) }
    let (cleanLogits, cleanCache) = try withNoGrad { try model.runWithCache(clean, points: points) }
    let (corruptedLogits, corruptedCache) = try withNoGrad { try model.runWithCache(corrupted, points: points) }
    var raw: [[Double]] = []
    for (layer, point) in points.enumerated() {
      let (source, target) = (try cleanCache[point], try corruptedCache[point])
      raw.append(try variants(count: length, batch: n, metric: metric) { positions in
        var mask = [Float](repeating: 0, count: positions.count * n * length)
        for (v, position) in positions.enumerated() {
          for b in 0..<n { mask[(v * n + b) * length + position] = 1 }
        }
        let m = Tensor(shape: [positions.count * n, length, 1], scalars: mask)
        let input = tiled(target, positions.count) * (1 - m) + tiled(source, positions.count) * m
        return try withNoGrad { try model.lastPositionLogits(fromLayer: layer, residual: input, runner: nil) }
      })
    }
    return normalizedGrid(
      raw: raw, rows: points.map(\.name), columns: (0..<length).map { "pos \($0)" },
      clean: metric(lastSlice(cleanLogits)), corrupted: metric(lastSlice(corruptedLogits)))
  }

  /// Patching each query head's `attn.hook_z` (all positions) at every layer, batched;
  /// `values[layer][head]`.
  ///
  /// Under grouped-query attention the columns are query heads (``TransformerConfig/headCount``),
  /// not key-value heads. `metric` sees logits at the last position only, `[batch, 1, d_vocab]`.
  public static func byQueryHead(
    _ model: HookedTransformer, clean: [[Int]], corrupted: [[Int]], metric: Metric
  ) throws -> Grid {
    _ = try checkedLength(clean, corrupted)
    let (n, layers, heads) = (clean.count, model.config.layerCount, model.config.headCount)
    let zPoints = (0..<layers).map { HookPoint.attnZ($0) }
    let residPoints = (0..<layers).map { HookPoint.residPre($0) }
    let (cleanLogits, cleanCache) = try withNoGrad { try model.runWithCache(clean, points: zPoints) }
    let (corruptedLogits, corruptedCache) = try withNoGrad { try model.runWithCache(corrupted, points: residPoints) }
    var raw: [[Double]] = []
    for layer in 0..<layers {
      let (source, start) = (try cleanCache[zPoints[layer]], try corruptedCache[residPoints[layer]])
      raw.append(try variants(count: heads, batch: n, metric: metric) { chosen in
        var mask = [Float](repeating: 0, count: chosen.count * n * heads)
        for (v, head) in chosen.enumerated() {
          for b in 0..<n { mask[(v * n + b) * heads + head] = 1 }
        }
        let m = Tensor(shape: [chosen.count * n, 1, heads, 1], scalars: mask)
        let replacement = tiled(source, chosen.count)
        let hook: HookFunction = { activation, _ in activation * (1 - m) + replacement * m }
        let runner = try model.makeRunner(hooks: [(zPoints[layer], hook)], cache: [])
        return try withNoGrad {
          try model.lastPositionLogits(fromLayer: layer, residual: tiled(start, chosen.count), runner: runner)
        }
      })
    }
    return normalizedGrid(
      raw: raw, rows: zPoints.map(\.name), columns: (0..<heads).map { "head \($0)" },
      clean: metric(lastSlice(cleanLogits)), corrupted: metric(lastSlice(corruptedLogits)))
  }

  /// Runs `count` variants of a batch of `batch` sequences in stacked passes of at most
  /// `maxRows` sequences; `run` gets the variant indices of one pass and returns their logits
  /// stacked variant by variant.
  static func variants(
    count: Int, batch: Int, maxRows: Int = 256, metric: Metric, _ run: ([Int]) throws -> Tensor
  ) throws -> [Double] {
    let perPass = Swift.max(1, maxRows / Swift.max(1, batch))
    var values: [Double] = []
    for start in stride(from: 0, to: count, by: perPass) {
      let chosen = Array(start..<Swift.min(count, start + perPass))
      let logits = try run(chosen)
      for v in chosen.indices { values.append(metric(logits.slice(axis: 0, (v * batch)..<((v + 1) * batch)))) }
    }
    return values
  }

  static func tiled(_ x: Tensor, _ copies: Int) -> Tensor {
    copies == 1 ? x : Tensor.concat(Array(repeating: x, count: copies), axis: 0)
  }

  static func lastSlice(_ logits: Tensor) -> Tensor {
    logits.slice(axis: 1, (logits.shape[1] - 1)..<logits.shape[1])
  }

  static func normalizedGrid(raw: [[Double]], rows: [String], columns: [String], clean: Double, corrupted: Double) -> Grid {
    let span = clean - corrupted
    let values = raw.map { row in row.map { span == 0 ? 0 : ($0 - corrupted) / span } }
    return Grid(values: values, raw: raw, rowLabels: rows, columnLabels: columns, clean: clean, corrupted: corrupted)
  }
}
