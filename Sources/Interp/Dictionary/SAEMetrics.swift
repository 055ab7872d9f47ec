/// Evaluation metrics of a sparse autoencoder on a batch, with SAELens's definitions.
public struct SAEMetrics: Sendable, CustomStringConvertible {
  /// Mean squared error per element.
  public var mse: Double
  /// Mean number of non-zero latents per example.
  public var l0: Double
  /// `1 − E‖x − x̂‖² / (E‖x‖² − ‖E x‖²)` (SAELens's current explained variance).
  public var explainedVariance: Double
  /// Fraction of latents that fire on no example of the batch.
  public var deadFraction: Double

  public var description: String {
    "MSE \(mse), L0 \(l0), explained variance \(explainedVariance), dead \(deadFraction)"
  }

  /// Metrics of `sae` on `batch` `[n, d]`.
  public static func evaluate(_ sae: SparseAutoencoder, on batch: Tensor) throws -> SAEMetrics {
    guard batch.rank == 2, batch.shape[1] == sae.inputDimension, batch.shape[0] > 0 else {
      throw DictionaryError.shapeMismatch(what: "evaluation batch", expected: [batch.shape.first ?? 0, sae.inputDimension], found: batch.shape)
    }
    let (_, reconstruction, latents) = withNoGrad { sae.loss(batch) }
    let active = latents.greater(0)
    let ev = try Statistics.explainedVariance(
      target: batch.toArray(), reconstruction: reconstruction.toArray(), dimension: sae.inputDimension)
    let firing = active.sum(axis: 0).toArray()
    return SAEMetrics(
      mse: Double((reconstruction - batch).square().mean().item()),
      l0: Double(active.sum(axis: 1).mean().item()),
      explainedVariance: ev,
      deadFraction: Double(firing.filter { $0 == 0 }.count) / Double(firing.count))
  }

  /// Mean max cosine similarity: for each ground-truth feature (row of `features`, `[n, d]`),
  /// the largest cosine with any decoder row, averaged over features.
  public static func meanMaxCosineSimilarity(_ sae: SparseAutoencoder, groundTruth features: Tensor) throws -> Double {
    let cosines = try maxCosines(sae, groundTruth: features)
    return cosines.reduce(0, +) / Double(cosines.count)
  }

  /// Each ground-truth feature's largest cosine similarity with a decoder row.
  public static func maxCosines(_ sae: SparseAutoencoder, groundTruth features: Tensor) throws -> [Double] {
    guard features.rank == 2, features.shape[1] == sae.inputDimension, features.shape[0] > 0 else {
      throw DictionaryError.shapeMismatch(what: "ground-truth features", expected: [features.shape.first ?? 0, sae.inputDimension], found: features.shape)
    }
    return withNoGrad {
      let truth = features / (features.norm(axes: [1], keepDims: true) + 1e-12)
      let atoms = sae.W_dec / (sae.W_dec.norm(axes: [1], keepDims: true) + 1e-12)
      return truth.matmul(atoms.T).max(axis: 1).toArray().map(Double.init)
    }
  }
}
