/// Greedy generation for a batch of prompts of different lengths.
extension HookedTransformer {
  /// New tokens continuing each of `prompts`, generated together: the same tokens
  /// ``generate(_:maxNewTokens:sampling:hooks:)`` gives for each prompt alone (up to float
  /// rounding), at a fraction of the time.
  ///
  /// Generating one token reads every weight of the model, so for a small model on a CPU the
  /// time goes to memory traffic, not arithmetic; a batch shares that traffic. Prompts are
  /// padded on the left to one length, and a hook at every layer's attention scores masks
  /// the padding keys, so no real position attends to padding. This is exact for models with
  /// rotary position embeddings (their attention depends only on relative positions) and for
  /// models without positional embeddings; a model with learned absolute positions would see
  /// shifted positions, so it is refused. Each row stops after its end-of-sequence token.
  ///
  /// `hooks` apply at every step as in `generate`, but to the padded batch: position-wise
  /// hooks (adding a steering vector, ablating a direction) act on each prompt as they would
  /// alone; a hook that mixes positions or rows (a mean over the batch) would see the padding.
  ///
  /// - Throws: ``TransformerError`` for an empty list or prompt, a model with learned
  ///   positions, out-of-vocabulary tokens, or a generation longer than the context; whatever
  ///   a hook throws.
  public func generateBatch(
    _ prompts: [[Int]], maxNewTokens: Int, hooks: [(HookPoint, HookFunction)] = []
  ) throws -> [[Int]] {
    guard !prompts.isEmpty, !prompts.contains(where: \.isEmpty) else { throw TransformerError.emptyInput }
    guard config.positionalEmbedding != .learned else {
      throw TransformerError.invalidIntervention(
        "batched generation pads prompts on the left, which shifts learned absolute positions; use generate(_:) per prompt")
    }
    guard maxNewTokens > 0 else { return prompts.map { _ in [] } }
    let width = prompts.map(\.count).max()!
    let padding = prompts.map { width - $0.count }
    let filler = endOfSequenceToken ?? 0
    let padded = prompts.map { [Int](repeating: filler, count: width - $0.count) + $0 }
    let mask = HookedTransformer.paddingMask(padding)
    let maskHooks = (0..<config.layerCount).map { (HookPoint.attnScores($0), mask) }
    let runner = try makeRunner(hooks: maskHooks + hooks, cache: [])
    let cache = KVCache()
    return try withNoGrad {
      var logits = try forward(padded, runner: runner, cache: cache, lastPositionOnly: true)
      var generated = [[Int]](repeating: [], count: prompts.count)
      var finished = [Bool](repeating: false, count: prompts.count)
      var rng = Xoshiro256(seed: 0)  // greedy choice draws nothing from it
      for step in 0..<maxNewTokens {
        let vocabulary = logits.shape[logits.rank - 1]
        let rows = logits.contiguous().toArray()
        var next: [Int] = []
        for row in prompts.indices {
          let token = Sampling.greedy.choose(Array(rows[(row * vocabulary)..<((row + 1) * vocabulary)]), rng: &rng)
          next.append(finished[row] ? filler : token)
          if !finished[row] {
            generated[row].append(token)
            finished[row] = token == endOfSequenceToken
          }
        }
        if step == maxNewTokens - 1 || finished.allSatisfy({ $0 }) { break }
        logits = try forward(next.map { [$0] }, runner: runner, cache: cache, lastPositionOnly: true)
      }
      return generated
    }
  }

  /// A hook adding −1e9 to the scores of row b's first `padding[b]` keys (−1e9, not −∞, so a
  /// padding query whose only visible key is padding still gets a finite softmax).
  static func paddingMask(_ padding: [Int]) -> HookFunction {
    { scores, point in
      guard scores.rank == 4, scores.shape[0] == padding.count else {
        throw TransformerError.invalidIntervention(
          "the padding mask expects attention scores [\(padding.count), head, query, key] at \(point.name), got \(scores.shape)")
      }
      let keys = scores.shape[3]
      var values = [Float](repeating: 0, count: padding.count * keys)
      for (row, count) in padding.enumerated() {
        for key in 0..<min(count, keys) { values[row * keys + key] = -1e9 }
      }
      return scores + Tensor(shape: [padding.count, 1, 1, keys], scalars: values)
    }
  }
}
