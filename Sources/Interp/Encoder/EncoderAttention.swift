import Foundation

/// Bidirectional multi-head self-attention with TransformerLens's weight layout and hook points.
///
/// Weights: `W_Q`, `W_K`, `W_V` are `[head, d_model, d_head]`, `W_O` is `[head, d_head, d_model]`,
/// biases `b_Q`, `b_K`, `b_V` are `[head, d_head]` and `b_O` is `[d_model]`. Every query sees
/// every real key; padded keys (from the attention mask) get no attention.
public final class EncoderAttention: Module {
  public let W_Q: Tensor
  public let W_K: Tensor
  public let W_V: Tensor
  public let W_O: Tensor
  public let b_Q: Tensor
  public let b_K: Tensor
  public let b_V: Tensor
  public let b_O: Tensor

  init(_ config: EncoderConfig, rng: inout Xoshiro256) {
    let (d, h, e) = (config.modelDimension, config.headCount, config.headDimension)
    W_Q = Tensor.scaledNormal([h, d, e], fanIn: d, using: &rng).requiringGrad()
    W_K = Tensor.scaledNormal([h, d, e], fanIn: d, using: &rng).requiringGrad()
    W_V = Tensor.scaledNormal([h, d, e], fanIn: d, using: &rng).requiringGrad()
    W_O = Tensor.scaledNormal([h, e, d], fanIn: h * e, using: &rng).requiringGrad()
    b_Q = Tensor.zeros([h, e]).requiringGrad()
    b_K = Tensor.zeros([h, e]).requiringGrad()
    b_V = Tensor.zeros([h, e]).requiringGrad()
    b_O = Tensor.zeros([d]).requiringGrad()
  }

  public var localParameters: [(name: String, tensor: Tensor)] {
    [("W_Q", W_Q), ("W_K", W_K), ("W_V", W_V), ("W_O", W_O), ("b_Q", b_Q), ("b_K", b_K), ("b_V", b_V), ("b_O", b_O)]
  }

  /// Attention output `[batch, pos, d_model]` for `x` `[batch, pos, d_model]`; `padding`
  /// `[batch, 1, 1, pos]` is 1 at padded keys (or `nil` when nothing is padded).
  func forward(_ x: Tensor, padding: Tensor?, layer: Int, runner: HookRunner?) throws -> Tensor {
    let (heads, headDim) = (W_Q.shape[0], W_Q.shape[2])
    let (batch, t, d) = (x.shape[0], x.shape[1], x.shape[2])
    // One [batch·pos, d] × [d, head·d_head] product projects all heads at once; hooks see
    // TransformerLens's [batch, pos, head, d_head], the products use [batch, head, pos, d_head].
    func project(_ w: Tensor, _ b: Tensor, _ point: HookPoint) throws -> Tensor {
      let weight = w.permuted([1, 0, 2]).reshaped([d, heads * headDim])
      let value = x.matmul(weight, adding: b.reshaped([heads * headDim])).reshaped([batch, t, heads, headDim])
      return try runner.apply(point, value).permuted([0, 2, 1, 3])
    }
    let q = try project(W_Q, b_Q, .attnQ(layer))
    let k = try project(W_K, b_K, .attnK(layer))
    let v = try project(W_V, b_V, .attnV(layer))
    var scores = q.matmul(k.mT) / Float(headDim).squareRoot()
    if let padding { scores = scores.maskedFill(padding, -.infinity) }
    scores = try runner.apply(.attnScores(layer), scores)
    let pattern = try runner.apply(.attnPattern(layer), scores.softmax(axis: -1))
    let z = try runner.apply(.attnZ(layer), pattern.matmul(v).permuted([0, 2, 1, 3]))  // [b, pos, head, d_head]
    let flat = z.contiguous().reshaped([batch, t, heads * headDim])
    let output = flat.matmul(W_O.reshaped([heads * headDim, W_O.shape[2]]), adding: b_O)
    let resultPoint = HookPoint.attnResult(layer)
    guard let runner, runner.wants(resultPoint) else { return output }
    // Per-head outputs cost an extra product, so they are formed only when hooked or cached;
    // when only cached, the fused output is kept so that caching never changes the result.
    let perHead = z.permuted([0, 2, 1, 3]).matmul(W_O).permuted([0, 2, 1, 3])  // [b, pos, head, d_model]
    let hooked = try runner.apply(resultPoint, perHead)
    return runner.hooks[resultPoint] == nil ? output : hooked.sum(axis: 2) + b_O
  }
}
