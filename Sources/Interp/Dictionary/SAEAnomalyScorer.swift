import Foundation

/// Zero-shot anomaly scores from a trained sparse autoencoder (Casper 2024 predicts SAEs will be
/// competitive with statistical detectors here): inputs the dictionary does not explain
/// reconstruct badly, and inputs that light up latents seldom seen on reference data are rare.
///
/// The rare-latent score of an input is `Σⱼ [fⱼ > 0]·(−log pⱼ)` over its active latents, where
/// `pⱼ` is latent j's firing rate on the reference rows (smoothed as `(count + 1)/(n + 2)`, so a
/// latent never seen firing gets a large but finite surprise).
public struct SAEAnomalyScorer {
  public let sae: SparseAutoencoder
  /// Each latent's smoothed firing rate on the reference rows.
  public let firingRates: [Double]

  /// Measures firing rates on in-distribution `reference` rows `[n, d]`.
  ///
  /// - Throws: ``DictionaryError`` when the rows do not match the SAE's input width.
  public init(_ sae: SparseAutoencoder, reference: Tensor) throws {
    guard reference.rank == 2, reference.shape[1] == sae.inputDimension, reference.shape[0] > 0 else {
      throw DictionaryError.shapeMismatch(
        what: "reference rows", expected: [reference.shape.first ?? 0, sae.inputDimension], found: reference.shape)
    }
    self.sae = sae
    let counts = withNoGrad { sae.encode(reference).greater(0).sum(axis: 0) }.toArray()
    let n = Double(reference.shape[0])
    firingRates = counts.map { (Double($0) + 1) / (n + 2) }
  }

  /// The squared reconstruction error `‖x − x̂‖²` of each row of `x` `[m, d]`.
  public func reconstructionErrors(_ x: Tensor) throws -> [Double] {
    try check(x)
    return withNoGrad { (sae.decode(sae.encode(x)) - x).square().sum(axis: 1) }.toArray().map(Double.init)
  }

  /// The summed surprise `−log pⱼ` of each row's active latents.
  public func rareLatentScores(_ x: Tensor) throws -> [Double] {
    try check(x)
    let latents = withNoGrad { sae.encode(x) }.toArray()
    let k = firingRates.count
    let surprise = firingRates.map { -Foundation.log($0) }
    return (0..<x.shape[0]).map { i in
      var total = 0.0
      for j in 0..<k where latents[i * k + j] > 0 { total += surprise[j] }
      return total
    }
  }

  private func check(_ x: Tensor) throws {
    guard x.rank == 2, x.shape[1] == sae.inputDimension else {
      throw DictionaryError.shapeMismatch(what: "scored rows", expected: [x.shape.first ?? 0, sae.inputDimension], found: x.shape)
    }
  }
}
