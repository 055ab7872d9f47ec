/// Latent attribution and latent ablation on the activations an SAE reconstructs, the two
/// operations of SHIFT (Marks et al. 2024, "Sparse feature circuits").
extension SparseAutoencoder {
  /// Each latent's mean attribution to a scalar output `g` of the activations `h` `[n, d]`, by
  /// the linear approximation of Marks et al.: `f_ij · (W_dec_j · ∂g/∂h_i)`, averaged over rows.
  ///
  /// - Parameter outputGradient: `∂g/∂h` `[n, d]` for each row (from autograd).
  /// - Throws: ``DictionaryError`` when the shapes disagree.
  public func latentAttribution(_ h: Tensor, outputGradient: Tensor) throws -> [Double] {
    guard h.rank == 2, h.shape[1] == inputDimension, outputGradient.shape == h.shape else {
      throw DictionaryError.shapeMismatch(what: "activations and their gradient", expected: [h.shape.first ?? 0, inputDimension], found: outputGradient.shape)
    }
    return withNoGrad { (encode(h) * outputGradient.matmul(W_dec.T)).mean(axis: 0) }.toArray().map(Double.init)
  }

  /// `h` `[n, d]` with the given latents' contributions removed, `h − Σ_{j∈latents} f_j·W_dec_j`;
  /// the SAE's reconstruction error stays in, so ablating nothing returns `h` unchanged.
  ///
  /// - Throws: ``DictionaryError`` for a bad shape or a latent index out of range.
  public func ablatingLatents(_ h: Tensor, _ latents: [Int]) throws -> Tensor {
    guard h.rank == 2, h.shape[1] == inputDimension else {
      throw DictionaryError.shapeMismatch(what: "activations", expected: [h.shape.first ?? 0, inputDimension], found: h.shape)
    }
    guard latents.allSatisfy({ (0..<latentCount).contains($0) }) else {
      throw DictionaryError.invalidArgument("latent index out of range 0..<\(latentCount): \(latents)")
    }
    var mask = [Float](repeating: 0, count: latentCount)
    for j in latents { mask[j] = 1 }
    return withNoGrad { h - (encode(h) * Tensor(mask)).matmul(W_dec) }
  }
}
