/// Running a ``HookedTransformer``: plain, with hooks, with a cache, and losses.
extension HookedTransformer {
  /// Logits `[batch, pos, d_vocab]` for a batch of equally long token sequences.
  ///
  /// - Throws: ``TransformerError`` for an empty or ragged batch, over-long sequences or
  ///   out-of-vocabulary tokens.
  public func callAsFunction(_ tokens: [[Int]]) throws -> Tensor {
    try forward(tokens, runner: nil)
  }

  /// Logits with `hooks` run at their points, in the order given (TransformerLens's `run_with_hooks`).
  ///
  /// Each hook may read the activation or return a replacement of the same shape.
  ///
  /// - Throws: ``TransformerError/absentHookPoint(point:reason:)`` for a point the model lacks,
  ///   ``TransformerError/hookShapeMismatch(point:expected:found:)`` for a badly shaped
  ///   replacement, or whatever a hook throws.
  public func run(_ tokens: [[Int]], hooks: [(HookPoint, HookFunction)]) throws -> Tensor {
    try forward(tokens, runner: makeRunner(hooks: hooks, cache: []))
  }

  /// Logits and the activations at `points` (every hook point when `nil`), with optional hooks.
  ///
  /// Cached values are those flowing on after the hooks at the same point. With `detach`
  /// (the default) the cache holds plain values; pass `false` to keep the autograd graph, for
  /// example to call `retainGrad()` on a cached activation before `backward()`.
  public func runWithCache(
    _ tokens: [[Int]], points: [HookPoint]? = nil, hooks: [(HookPoint, HookFunction)] = [], detach: Bool = true
  ) throws -> (logits: Tensor, cache: ActivationCache) {
    let wanted = points ?? hookPoints
    let runner = try makeRunner(hooks: hooks, cache: wanted, detach: detach)
    let logits = try forward(tokens, runner: runner)
    return (logits, ActivationCache(runner.cached))
  }

  /// Mean next-token cross-entropy over all positions but the last (TransformerLens's `loss`).
  public func nextTokenLoss(_ tokens: [[Int]], hooks: [(HookPoint, HookFunction)] = []) throws -> Tensor {
    let logits = try run(tokens, hooks: hooks)
    return try HookedTransformer.nextTokenLoss(logits: logits, tokens: tokens)
  }

  /// Mean cross-entropy of `logits` `[batch, pos, vocab]` predicting each next token of `tokens`.
  public static func nextTokenLoss(logits: Tensor, tokens: [[Int]]) throws -> Tensor {
    guard logits.rank == 3, logits.shape[0] == tokens.count, logits.shape[1] >= 2 else {
      throw TransformerError.invalidIntervention(
        "next-token loss needs logits [batch, pos ≥ 2, vocab] matching \(tokens.count) sequences, got \(logits.shape)")
    }
    let (b, t, v) = (logits.shape[0], logits.shape[1], logits.shape[2])
    let predicted = logits.slice(axis: 1, 0..<(t - 1)).contiguous().reshaped([b * (t - 1), v])
    return predicted.crossEntropy(targets: tokens.flatMap { $0.dropFirst() })
  }

  /// Logits at the last position, `[batch, vocab]`.
  public static func lastPosition(_ logits: Tensor) -> Tensor {
    logits.select(axis: 1, logits.shape[1] - 1)
  }

  func makeRunner(hooks: [(HookPoint, HookFunction)], cache: [HookPoint], detach: Bool = true) throws -> HookRunner {
    try HookRunner.checked(hooks: hooks, cache: cache, detach: detach, absenceReason: absenceReason)
  }
}
