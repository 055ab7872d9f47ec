/// Running a ``HookedEncoder``: plain, with hooks, and with a cache.
extension HookedEncoder {
  /// The final hidden states `[batch, pos, d_model]` (Hugging Face's `last_hidden_state`).
  ///
  /// - Throws: ``TransformerError`` for an empty or ragged batch, over-long sequences,
  ///   out-of-range token ids or types, or a mask that hides a whole sequence.
  public func callAsFunction(_ input: EncoderInput) throws -> Tensor {
    try forward(input, runner: nil)
  }

  /// Hidden states of unpadded sequences of equal length (token type 0 throughout).
  public func callAsFunction(_ tokens: [[Int]]) throws -> Tensor {
    try forward(EncoderInput(tokens: tokens), runner: nil)
  }

  /// Hidden states with `hooks` run at their points, in the order given.
  ///
  /// - Throws: ``TransformerError/absentHookPoint(point:reason:)`` for a point the model lacks,
  ///   ``TransformerError/hookShapeMismatch(point:expected:found:)`` for a badly shaped
  ///   replacement, or whatever a hook throws.
  public func run(_ input: EncoderInput, hooks: [(HookPoint, HookFunction)]) throws -> Tensor {
    try forward(input, runner: makeRunner(hooks: hooks, cache: []))
  }

  /// Hidden states and the activations at `points` (every hook point when `nil`), with
  /// optional hooks; `detach: false` keeps the autograd graph in the cache.
  public func runWithCache(
    _ input: EncoderInput, points: [HookPoint]? = nil, hooks: [(HookPoint, HookFunction)] = [], detach: Bool = true
  ) throws -> (hidden: Tensor, cache: ActivationCache) {
    let runner = try makeRunner(hooks: hooks, cache: points ?? hookPoints, detach: detach)
    let hidden = try forward(input, runner: runner)
    return (hidden, ActivationCache(runner.cached))
  }

  func makeRunner(hooks: [(HookPoint, HookFunction)], cache: [HookPoint], detach: Bool = true) throws -> HookRunner {
    try HookRunner.checked(hooks: hooks, cache: cache, detach: detach, absenceReason: absenceReason)
  }
}
