/// Logits at the last position only, computing only what they depend on.
extension HookedTransformer {
  /// Logits at the last position, `[batch, vocab]`, equal to `lastPosition(model(tokens))`.
  ///
  /// A loss read at the last position (modular addition, next-token prediction of the final
  /// token) depends on every position only through the final block's keys and values. So the
  /// final block projects queries, mixes attention, runs its MLP and the unembedding for the last
  /// position alone, while keys, values and every earlier block still see the whole sequence.
  /// For three-token sequences this skips over half the arithmetic of a training step, forward
  /// and backward, with the same logits and gradients (up to float rounding). There are no hook
  /// points on this path: use ``runWithCache(_:points:hooks:detach:)`` or ``run(_:hooks:)`` to
  /// read or change activations.
  ///
  /// - Throws: ``TransformerError`` for an empty or ragged batch, over-long sequences or
  ///   out-of-vocabulary tokens.
  public func lastPositionLogits(_ tokens: [[Int]]) throws -> Tensor {
    // The shortcut below is written for the learned-position, ungrouped, ungated layout.
    if config.positionalEmbedding != .learned || config.keyValueHeadCount != config.headCount || config.gatedMLP {
      return HookedTransformer.lastPosition(try forward(tokens, runner: nil))
    }
    let (batch, length) = try validate(tokens)
    let d = config.modelDimension
    let tokenEmbedding = W_E.indexSelect(axis: 0, tokens.flatMap { $0 }).reshaped([batch, length, d])
    var residual = tokenEmbedding + W_pos.slice(axis: 0, 0..<length).unsqueezed(0)
    for block in blocks.dropLast() { residual = try block.forward(residual, runner: nil) }
    var last = try blocks.last.map { try $0.forwardLastPosition(residual) } ?? residual.select(axis: 1, length - 1)
    if let lnFinal { last = try TransformerBlock.layerNorm(last, lnFinal, .lnFinalNormalized, nil) }
    return last.matmul(W_U, adding: b_U)
  }
}

extension TransformerBlock {
  /// The block's residual output at the last position, `[batch, d_model]`, for a residual input
  /// `[batch, pos, d_model]`.
  func forwardLastPosition(_ residual: Tensor) throws -> Tensor {
    let attnIn = try ln1.map { try TransformerBlock.layerNorm(residual, $0, HookPoint(.ln1Normalized, layer: layer), nil) } ?? residual
    let mid = residual.select(axis: 1, residual.shape[1] - 1) + attn.forwardLastQuery(attnIn)
    guard let mlp else { return mid }
    let mlpIn = try ln2.map { try TransformerBlock.layerNorm(mid, $0, HookPoint(.ln2Normalized, layer: layer), nil) } ?? mid
    let pre = mlpIn.matmul(mlp.W_in, adding: mlp.b_in)
    return mid + mlp.activation(pre).matmul(mlp.W_out, adding: mlp.b_out)
  }
}

extension AttentionLayer {
  /// Attention output at the last position, `[batch, d_model]`, for the input `x`
  /// `[batch, pos, d_model]`: the last query attends to every key, so no mask is needed.
  func forwardLastQuery(_ x: Tensor) -> Tensor {
    let (heads, headDim, d) = (W_Q.shape[0], W_Q.shape[2], W_Q.shape[1])
    let (batch, t) = (x.shape[0], x.shape[1])
    func weight(_ w: Tensor) -> Tensor { w.permuted([1, 0, 2]).reshaped([d, heads * headDim]) }
    let lastInput = x.select(axis: 1, t - 1)
    let q = lastInput.matmul(weight(W_Q), adding: b_Q.reshaped([heads * headDim])).reshaped([batch, heads, 1, headDim])
    func keysOrValues(_ w: Tensor, _ b: Tensor) -> Tensor {
      x.matmul(weight(w), adding: b.reshaped([heads * headDim])).reshaped([batch, t, heads, headDim])
        .permuted([0, 2, 1, 3])
    }
    let k = keysOrValues(W_K, b_K)
    let v = keysOrValues(W_V, b_V)
    let pattern = (q.matmul(k.mT) / Float(headDim).squareRoot()).softmax(axis: -1)  // [b, head, 1, pos]
    let z = pattern.matmul(v).reshaped([batch, heads * headDim])  // [b, head, 1, d_head] is already head-major
    return z.matmul(W_O.reshaped([heads * headDim, W_O.shape[2]]), adding: b_O)
  }
}
