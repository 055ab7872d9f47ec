/// Reading logits off the residual stream.
extension HookedTransformer {
  /// The logit lens (nostalgebraist 2020): logits read directly off a residual-stream activation.
  ///
  /// Applies the final normalization (`ln_final`, when the model has one) and the unembedding to
  /// `residual` (`[..., d_model]`, e.g. a cached `blocks.L.hook_resid_post`), as if every later
  /// block were skipped. At the last block's output it gives the model's own logits.
  ///
  /// - Throws: ``TransformerError/invalidIntervention(_:)`` when the last axis is not `d_model`.
  public func logitLens(_ residual: Tensor) throws -> Tensor {
    guard residual.rank >= 2, residual.shape.last == config.modelDimension else {
      throw TransformerError.invalidIntervention(
        "the logit lens needs a residual [..., \(config.modelDimension)], got \(residual.shape)")
    }
    var normalized = residual
    if let lnFinal { normalized = try TransformerBlock.layerNorm(residual, lnFinal, .lnFinalNormalized, nil) }
    return normalized.matmul(W_U, adding: b_U)
  }
}
