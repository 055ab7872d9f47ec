/// Running only the blocks from a given layer on.
extension HookedTransformer {
  /// Logits at the last position, `[batch, 1, d_vocab]`, of the blocks from `start` on applied
  /// to `residual` (the residual stream entering block `start`, `[batch, pos, d_model]`).
  ///
  /// An intervention at layer `start` leaves every earlier activation as it was, so patching
  /// experiments start here from a cached residual instead of re-running the prefix.
  func lastPositionLogits(fromLayer start: Int, residual: Tensor, runner: HookRunner?) throws -> Tensor {
    var residual = residual
    for block in blocks[start...] { residual = try block.forward(residual, runner: runner) }
    let length = residual.shape[1]
    residual = residual.slice(axis: 1, (length - 1)..<length)
    if let lnFinal { residual = try TransformerBlock.layerNorm(residual, lnFinal, .lnFinalNormalized, runner) }
    return residual.matmul(W_U, adding: b_U)
  }
}
