/// Text generation with a key-value cache.
extension HookedTransformer {
  /// New tokens continuing `prompt`: up to `maxNewTokens`, stopping early only after the
  /// end-of-sequence token (``endOfSequenceToken``, when the model has one).
  ///
  /// The prompt runs once; each later step runs the model on the newest token alone, reading
  /// the earlier positions' keys and values from a ``KVCache``. `hooks` apply at every step
  /// (steering a generation is the common use); on later steps they see the new position only,
  /// and attention patterns span every position so far.
  ///
  /// ```swift
  /// let ids = try model.generate(tokenizer.encode("The capital of France is"), maxNewTokens: 8)
  /// print(tokenizer.decode(ids))
  /// ```
  ///
  /// - Throws: ``TransformerError`` for an empty prompt, out-of-vocabulary tokens, or a
  ///   generation longer than the context; whatever a hook throws.
  public func generate(
    _ prompt: [Int], maxNewTokens: Int, sampling: Sampling = .greedy, hooks: [(HookPoint, HookFunction)] = []
  ) throws -> [Int] {
    guard maxNewTokens > 0 else { return [] }
    var rng = Xoshiro256(seed: { if case .sample(_, _, _, let seed) = sampling { return seed } else { return 0 } }())
    let runner = hooks.isEmpty ? nil : try makeRunner(hooks: hooks, cache: [])
    let cache = KVCache()
    return try withNoGrad {
      var logits = try forward([prompt], runner: runner, cache: cache, lastPositionOnly: true)
      var generated: [Int] = []
      while true {
        let next = sampling.choose(logits.toArray(), rng: &rng)
        generated.append(next)
        if generated.count == maxNewTokens || next == endOfSequenceToken { return generated }
        logits = try forward([[next]], runner: runner, cache: cache, lastPositionOnly: true)
      }
    }
  }
}
