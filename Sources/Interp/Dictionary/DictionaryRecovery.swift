/// How well a set of learned directions recovers known ground-truth directions (Sharkey, Braun
/// & Millidge 2022): for each true feature, the best |cosine| with any learned direction.
///
/// The same score serves every method that proposes directions (an SAE's decoder rows, k-means
/// centroids, ICA's mixing columns, principal components, random directions), so they are
/// compared on equal terms.
public struct DictionaryRecovery: Sendable, Equatable {
  /// For each ground-truth feature, the largest |cos| with any learned direction.
  public let maxCosines: [Double]

  /// Scores `learned` `[k, d]` against `truth` `[n, d]` (rows need not be unit norm; a zero row
  /// scores 0).
  ///
  /// - Throws: ``DictionaryError`` when the shapes are not `[k, d]` and `[n, d]`.
  public init(learned: Tensor, truth: Tensor) throws {
    guard learned.rank == 2, truth.rank == 2, learned.shape[1] == truth.shape[1], learned.shape[0] > 0 else {
      throw DictionaryError.invalidArgument(
        "recovery needs learned [k, d] and truth [n, d] with the same d, got \(learned.shape) and \(truth.shape)")
    }
    let cosines = Self.unitRows(truth).matmul(Self.unitRows(learned).T).abs().max(axis: 1)
    maxCosines = cosines.toArray().map(Double.init)
  }

  /// Mean max cosine similarity (MMCS).
  public var meanMaxCosine: Double { maxCosines.reduce(0, +) / Double(Swift.max(1, maxCosines.count)) }

  /// The share of true features whose best |cos| exceeds `threshold`.
  public func fractionRecovered(above threshold: Double = 0.9) -> Double {
    Double(maxCosines.filter { $0 > threshold }.count) / Double(Swift.max(1, maxCosines.count))
  }

  /// Rows scaled to unit norm (zero rows stay zero).
  static func unitRows(_ x: Tensor) -> Tensor {
    let norms = x.norm(axes: [1], keepDims: true)
    return x / norms.clamped(min: 1e-12, max: .greatestFiniteMagnitude)
  }
}
