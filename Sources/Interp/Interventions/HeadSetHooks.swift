/// Hooks that replace the output of a *set* of attention heads at once: mean ablation of
/// every head outside a circuit, or patching a circuit's heads in from another run.
///
/// Each head's output is its slot of `blocks.L.attn.hook_z` (`[batch, pos, head, d_head]`,
/// one slot per query head, also under grouped-query attention). The hooks are one per layer
/// with a mask over the head axis, so ablating 240 heads costs 30 hooks, not 240.
///
/// ```swift
/// let (_, reference) = try model.runWithCache(corrupted, points: (0..<30).map { .attnZ($0) })
/// let outside = AttentionHead.complement(of: circuit, layers: 30, heads: 9)
/// let logits = try model.run(clean, hooks: try HeadSetHooks.meanAblating(outside, reference: reference))
/// ```
public enum HeadSetHooks {
  /// Hooks that set each head of `heads` to its mean over the batch of `reference` (at each
  /// position), leaving the other heads alone.
  ///
  /// - Throws: ``TransformerError/notCached(point:cached:)`` when `reference` lacks the
  ///   `attn.hook_z` of a layer in `heads`; at run time, a shape error when the run's
  ///   positions or heads differ from the reference's.
  public static func meanAblating(_ heads: some Sequence<AttentionHead>, reference: ActivationCache) throws
    -> [(HookPoint, HookFunction)]
  {
    try hooks(heads) { layer in
      let z = try reference[.attnZ(layer)]
      return .mean(z.mean(axis: 0))
    }
  }

  /// Hooks that set each head of `heads` to its value in `source` (the same batch shape: a
  /// clean run patched into a corrupted one, example by example).
  public static func patching(_ heads: some Sequence<AttentionHead>, from source: ActivationCache) throws
    -> [(HookPoint, HookFunction)]
  {
    try hooks(heads) { layer in .full(try source[.attnZ(layer)]) }
  }

  enum Replacement {
    /// `[pos, head, d_head]`, broadcast over the batch.
    case mean(Tensor)
    /// The whole activation's shape.
    case full(Tensor)
  }

  static func hooks(_ heads: some Sequence<AttentionHead>, replacement: (Int) throws -> Replacement) throws
    -> [(HookPoint, HookFunction)]
  {
    var byLayer: [Int: Set<Int>] = [:]
    for h in heads {
      guard h.layer >= 0, h.head >= 0 else {
        throw TransformerError.invalidIntervention("head \(h) has a negative index")
      }
      byLayer[h.layer, default: []].insert(h.head)
    }
    return try byLayer.keys.sorted().map { layer in
      let chosen = byLayer[layer]!
      let source = try replacement(layer)
      let hook: HookFunction = { activation, point in
        guard activation.rank == 4 else {
          throw TransformerError.invalidIntervention("\(point.name) is not a per-head activation [batch, pos, head, d_head]")
        }
        let headCount = activation.shape[2]
        if let outside = chosen.first(where: { $0 >= headCount }) {
          throw TransformerError.invalidIntervention("head \(outside) is outside 0..<\(headCount) at \(point.name)")
        }
        let values: Tensor
        switch source {
        case .mean(let mean):
          guard Array(activation.shape.dropFirst()) == mean.shape else {
            throw TransformerError.invalidIntervention(
              "mean ablation at \(point.name): the mean has shape \(mean.shape), the run's rows have \(Array(activation.shape.dropFirst()))")
          }
          values = mean.unsqueezed(0).expanded(to: activation.shape)
        case .full(let full):
          guard full.shape == activation.shape else {
            throw TransformerError.hookShapeMismatch(point: point.name, expected: activation.shape, found: full.shape)
          }
          values = full
        }
        let mask = Tensor(shape: [1, 1, headCount, 1], scalars: (0..<headCount).map { chosen.contains($0) ? 1 : 0 })
        return activation * (1 - mask) + values * mask
      }
      return (HookPoint.attnZ(layer), hook)
    }
  }
}
