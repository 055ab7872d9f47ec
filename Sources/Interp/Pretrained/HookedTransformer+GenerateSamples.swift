/// Several sampled continuations of one prompt, generated as one batch.
extension HookedTransformer {
  /// `count` continuations of `prompt`, each up to `maxNewTokens` new tokens, generated together:
  /// the prompt runs once, its keys and values are copied into `count` rows of one ``KVCache``,
  /// and each step runs one matrix product per layer for every row (much faster on a CPU than
  /// `count` separate calls).
  ///
  /// Each row draws from its own ``Xoshiro256`` stream: row 0 from the sampling's seed (so one
  /// sample is exactly `generate`'s), row r from the r-th output of a `SplitMix64` seeded with
  /// it, so the result is reproducible and a row's tokens never depend on the other rows. A row
  /// ends after the end-of-sequence token (which it keeps) and is fed that token while the
  /// others go on, which changes none of their tokens. `hooks` apply at every step, as in
  /// ``generate(_:maxNewTokens:sampling:hooks:)``: steering a batch of samples is the common use.
  ///
  /// ```swift
  /// let samples = try model.generate(prompt, samples: 8, maxNewTokens: 20,
  ///   sampling: .sample(temperature: 1, topP: 0.9, seed: 7), hooks: [(.residPre(6), Steering.addition(v, scale: 4))])
  /// ```
  ///
  /// - Throws: ``TransformerError`` for an empty prompt, out-of-vocabulary tokens, or a
  ///   generation longer than the context; whatever a hook throws.
  public func generate(
    _ prompt: [Int], samples count: Int, maxNewTokens: Int, sampling: Sampling, hooks: [(HookPoint, HookFunction)] = []
  ) throws -> [[Int]] {
    check(count > 0, "generate(samples:) needs at least one sample, got \(count)")
    guard maxNewTokens > 0 else { return Array(repeating: [], count: count) }
    let seed: UInt64 = { if case .sample(_, _, _, let seed) = sampling { return seed } else { return 0 } }()
    // Row 0 draws from the stream `generate` would use; row r from a SplitMix64-derived seed,
    // so no row's tokens depend on when another row ends.
    var mixer = SplitMix64(seed: seed)
    var streams = [Xoshiro256(seed: seed)] + (1..<max(count, 1)).map { _ in Xoshiro256(seed: mixer.next()) }
    let runner = hooks.isEmpty ? nil : try makeRunner(hooks: hooks, cache: [])
    let cache = KVCache()
    let vocabulary = config.vocabularySize
    return try withNoGrad {
      // The prompt runs once; its keys and values are then copied to every row.
      let promptLogits = try forward([prompt], runner: runner, cache: cache, lastPositionOnly: true)
      cache.repeatBatch(count)
      var logits = promptLogits.expanded(to: [count] + Array(promptLogits.shape.dropFirst())).contiguous()
      var generated = Array(repeating: [Int](), count: count)
      var ended = Array(repeating: false, count: count)
      for _ in 0..<maxNewTokens {
        let rows = logits.toArray()
        var next: [Int] = []
        for row in 0..<count {
          if ended[row] {
            next.append(endOfSequenceToken ?? 0)
            continue
          }
          let token = sampling.choose(Array(rows[(row * vocabulary)..<((row + 1) * vocabulary)]), rng: &streams[row])
          generated[row].append(token)
          ended[row] = token == endOfSequenceToken
          next.append(token)
        }
        if zip(generated, ended).allSatisfy({ $1 || $0.count == maxNewTokens }) { break }
        logits = try forward(next.map { [$0] }, runner: runner, cache: cache, lastPositionOnly: true)
      }
      return generated
    }
  }
}
