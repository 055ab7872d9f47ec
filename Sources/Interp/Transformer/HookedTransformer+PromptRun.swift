/// Running prompts of different lengths and reading one position of each.
extension HookedTransformer {
  /// The next-token logits after each prompt, `[prompts, vocab]`, and, for each of `points`,
  /// the activation at `position` of each prompt, stacked as `[prompts, ...]` (for a residual
  /// point, `[prompts, d_model]`), with optional `hooks` applied throughout.
  ///
  /// Prompts need not be equally long (chat-templated instructions rarely are): prompts of one
  /// length run as one batch, and rows come back in the order given. `position` counts from
  /// the end when negative, so `-1` is each prompt's last token (for a chat template with the
  /// generation prompt, the last post-instruction token, where Arditi et al. read the refusal
  /// direction). Only points whose second axis is the position can be read this way: not
  /// attention scores or patterns (`[batch, head, query, key]`).
  ///
  /// ```swift
  /// let (_, harmfulActs) = try model.runPrompts(harmfulPrompts, points: [.residPre(12)])
  /// let (_, harmlessActs) = try model.runPrompts(harmlessPrompts, points: [.residPre(12)])
  /// let direction = try Steering.differenceOfMeans(positive: harmfulActs[.residPre(12)]!, negative: harmlessActs[.residPre(12)]!)
  /// ```
  ///
  /// - Throws: ``TransformerError`` for an empty list, an empty or over-long prompt, a
  ///   `position` outside a prompt, a point the model lacks or one without a position axis,
  ///   out-of-vocabulary tokens, or whatever a hook throws.
  public func runPrompts(
    _ prompts: [[Int]], points: [HookPoint] = [], position: Int = -1, hooks: [(HookPoint, HookFunction)] = []
  ) throws -> (logits: Tensor, activations: [HookPoint: Tensor]) {
    guard !prompts.isEmpty else { throw TransformerError.invalidIntervention("runPrompts needs at least one prompt") }
    if let point = points.first(where: { $0.site == .attnScores || $0.site == .attnPattern }) {
      throw TransformerError.invalidIntervention(
        "\(point.name) has no position as its second axis ([batch, head, query, key]); read it with runWithCache")
    }
    for (index, prompt) in prompts.enumerated() {
      let resolved = position < 0 ? prompt.count + position : position
      guard (0..<prompt.count).contains(resolved) else {
        throw TransformerError.invalidIntervention(
          "position \(position) is outside prompt \(index), which has \(prompt.count) tokens")
      }
    }
    var logitRows = [Tensor?](repeating: nil, count: prompts.count)
    var activationRows = [HookPoint: [Tensor?]]()
    for point in points { activationRows[point] = [Tensor?](repeating: nil, count: prompts.count) }
    let byLength = Dictionary(grouping: prompts.indices, by: { prompts[$0].count })
    for length in byLength.keys.sorted() {
      let members = byLength[length]!
      let (logits, cache) = try runWithCache(members.map { prompts[$0] }, points: points, hooks: hooks)
      let resolved = position < 0 ? length + position : position
      for (row, index) in members.enumerated() {
        logitRows[index] = logits.select(axis: 0, row).select(axis: 0, length - 1).contiguous()
        for point in points {
          activationRows[point]![index] = try cache[point].select(axis: 0, row).select(axis: 0, resolved).contiguous()
        }
      }
    }
    let activations = activationRows.mapValues { Tensor.stack($0.map { $0! }) }
    return (Tensor.stack(logitRows.map { $0! }), activations)
  }
}
