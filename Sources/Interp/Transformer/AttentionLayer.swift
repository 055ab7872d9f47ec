import Foundation

/// Causal multi-head self-attention with TransformerLens's weight layout and hook points.
///
/// Weights: `W_Q` is `[head, d_model, d_head]`, `W_K` and `W_V` are `[kv_head, d_model, d_head]`, `W_O` is `[head, d_head, d_model]`,
/// biases `b_Q`, `b_K`, `b_V` are `[head, d_head]` and `b_O` is `[d_model]`.
public final class AttentionLayer: Module {
  public let W_Q: Tensor
  public let W_K: Tensor
  public let W_V: Tensor
  public let W_O: Tensor
  public let b_Q: Tensor
  public let b_K: Tensor
  public let b_V: Tensor
  public let b_O: Tensor

  /// The rotary base when queries and keys are rotated by position (`nil`: learned positions).
  public let rotaryBase: Float?

  init(
    W_Q: Tensor, W_K: Tensor, W_V: Tensor, W_O: Tensor, b_Q: Tensor, b_K: Tensor, b_V: Tensor, b_O: Tensor,
    rotaryBase: Float?
  ) {
    (self.W_Q, self.W_K, self.W_V, self.W_O) = (W_Q, W_K, W_V, W_O)
    (self.b_Q, self.b_K, self.b_V, self.b_O) = (b_Q, b_K, b_V, b_O)
    self.rotaryBase = rotaryBase
  }

  convenience init(_ config: TransformerConfig, rng: inout Xoshiro256) {
    let (d, h, e, kv) = (config.modelDimension, config.headCount, config.headDimension, config.keyValueHeadCount)
    var base: Float?
    if case .rotary(let b) = config.positionalEmbedding { base = b }
    self.init(
      W_Q: Tensor.scaledNormal([h, d, e], fanIn: d, using: &rng).requiringGrad(),
      W_K: Tensor.scaledNormal([kv, d, e], fanIn: d, using: &rng).requiringGrad(),
      W_V: Tensor.scaledNormal([kv, d, e], fanIn: d, using: &rng).requiringGrad(),
      W_O: Tensor.scaledNormal([h, e, d], fanIn: h * e, using: &rng).requiringGrad(),
      b_Q: Tensor.zeros([h, e]).requiringGrad(), b_K: Tensor.zeros([kv, e]).requiringGrad(),
      b_V: Tensor.zeros([kv, e]).requiringGrad(), b_O: Tensor.zeros([d]).requiringGrad(), rotaryBase: base)
  }

  public var localParameters: [(name: String, tensor: Tensor)] {
    [("W_Q", W_Q), ("W_K", W_K), ("W_V", W_V), ("W_O", W_O), ("b_Q", b_Q), ("b_K", b_K), ("b_V", b_V), ("b_O", b_O)]
  }

  /// Attention output `[batch, pos, d_model]` for the residual input `x` `[batch, pos, d_model]`.
  ///
  /// With a `cache`, `x` holds only the new positions: their keys and values are appended to
  /// the cached ones, and the new queries attend to every position so far.
  func forward(_ x: Tensor, layer: Int, runner: HookRunner?, cache: KVCache? = nil) throws -> Tensor {
    let (heads, headDim, kvHeads) = (W_Q.shape[0], W_Q.shape[2], W_K.shape[0])
    let (batch, t, d) = (x.shape[0], x.shape[1], x.shape[2])
    // Hooks see TransformerLens's [batch, pos, head, d_head]; the products use [batch, head, pos, d_head].
    // All heads are projected by one [batch, pos, d] × [d, head·d_head] product: a product per
    // head and example would broadcast the weights over the batch, forward and backward.
    func project(_ w: Tensor, _ b: Tensor, _ point: HookPoint) throws -> Tensor {
      let count = w.shape[0]
      let weight = w.permuted([1, 0, 2]).reshaped([d, count * headDim])
      let value = x.matmul(weight, adding: b.reshaped([count * headDim])).reshaped([batch, t, count, headDim])
      return try runner.apply(point, value)
    }
    var q = try project(W_Q, b_Q, .attnQ(layer))
    var k = try project(W_K, b_K, .attnK(layer))
    let v = try project(W_V, b_V, .attnV(layer))
    let offset = cache?.length(layer: layer) ?? 0
    if let rotaryBase {
      let rotary = RotaryEmbedding(positions: offset..<(offset + t), dimension: headDim, base: rotaryBase)
      q = try runner.apply(.attnRotQ(layer), rotary.apply(q))
      k = try runner.apply(.attnRotK(layer), rotary.apply(k))
    }
    var keys = k.permuted([0, 2, 1, 3])
    var values = v.permuted([0, 2, 1, 3])
    if let cache { (keys, values) = cache.append(layer: layer, keys: keys, values: values) }
    let total = keys.shape[2]
    // Grouped-query attention: the query heads sharing a key-value head are consecutive, so
    // folding them into the position axis lets one product per key-value head serve them all.
    let group = heads / kvHeads
    var queries = q.permuted([0, 2, 1, 3])
    if group > 1 { queries = queries.contiguous().reshaped([batch, kvHeads, group * t, headDim]) }
    var scores = (queries.matmul(keys.mT) / Float(headDim).squareRoot()).reshaped([batch, heads, t, total])
    if t > 1 { scores = scores.maskedFill(Tensor.causalMask(rows: t, columns: total, offset: offset), -.infinity) }
    scores = try runner.apply(.attnScores(layer), scores)
    let pattern = try runner.apply(.attnPattern(layer), scores.softmax(axis: -1))
    let mixed =
      group > 1
      ? pattern.reshaped([batch, kvHeads, group * t, total]).matmul(values).reshaped([batch, heads, t, headDim])
      : pattern.matmul(values)
    let z = try runner.apply(.attnZ(layer), mixed.permuted([0, 2, 1, 3]))  // [b, pos, head, d_head]
    let flat = z.contiguous().reshaped([batch, t, heads * headDim])
    let output = flat.matmul(W_O.reshaped([heads * headDim, W_O.shape[2]]), adding: b_O)
    let resultPoint = HookPoint.attnResult(layer)
    guard let runner, runner.wants(resultPoint) else { return output }
    // Per-head outputs cost an extra pass, so they are formed only when hooked or cached; when
    // only cached, the output keeps the fused product so that caching never changes the logits.
    let perHead = z.permuted([0, 2, 1, 3]).matmul(W_O).permuted([0, 2, 1, 3])  // [b, pos, head, d_model]
    let hooked = try runner.apply(resultPoint, perHead)
    return runner.hooks[resultPoint] == nil ? output : hooked.sum(axis: 2) + b_O
  }
}
