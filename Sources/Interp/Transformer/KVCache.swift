/// Keys and values of the positions a ``HookedTransformer`` has already seen, per layer, so
/// that generating a token runs the model on that token alone.
///
/// Keys are stored after the rotary embedding, `[batch, kv_head, pos, d_head]`. A cache belongs
/// to one batch of sequences; start a new one for a new prompt.
public final class KVCache {
  private var keys: [Int: Tensor] = [:]
  private var values: [Int: Tensor] = [:]

  public init() {}

  /// Positions cached for `layer`.
  public func length(layer: Int) -> Int { keys[layer]?.shape[2] ?? 0 }

  /// Repeats each cached sequence of a one-sequence batch `count` times along the batch axis,
  /// so a prompt run once continues as `count` sequences (sampled generations share a prefill).
  func repeatBatch(_ count: Int) {
    for (layer, k) in keys {
      check(k.shape[0] == 1, "KVCache.repeatBatch needs a cache of one sequence, it holds \(k.shape[0])")
      keys[layer] = k.expanded(to: [count] + Array(k.shape.dropFirst())).contiguous()
    }
    for (layer, v) in values { values[layer] = v.expanded(to: [count] + Array(v.shape.dropFirst())).contiguous() }
  }

  /// Appends new keys and values `[batch, kv_head, new, d_head]` and returns all of them.
  func append(layer: Int, keys newKeys: Tensor, values newValues: Tensor) -> (Tensor, Tensor) {
    let k = keys[layer].map { Tensor.concat([$0, newKeys], axis: 2) } ?? newKeys.contiguous()
    let v = values[layer].map { Tensor.concat([$0, newValues], axis: 2) } ?? newValues.contiguous()
    keys[layer] = k
    values[layer] = v
    return (k, v)
  }
}
