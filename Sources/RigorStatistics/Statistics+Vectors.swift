extension Statistics {
  /// The cosine of the angle between two vectors, a·b / (|a| |b|); NaN if either is zero.
  /// - Throws: `StatisticsError.lengthMismatch` when the vectors differ in length.
  public static func cosineSimilarity(_ a: [Double], _ b: [Double]) throws -> Double {
    guard a.count == b.count else {
      throw StatisticsError.lengthMismatch(
        function: "cosineSimilarity", first: a.count, second: b.count)
    }
    var dot = 0.0
    var normA = 0.0
    var normB = 0.0
    for (x, y) in zip(a, b) {
      dot += x * y
      normA += x * x
      normB += y * y
    }
    guard normA > 0, normB > 0 else { return .nan }
    return dot / (normA.squareRoot() * normB.squareRoot())
  }

  /// Cosine similarity of other floating-point vectors (e.g. `Float`), in double precision.
  public static func cosineSimilarity<T: BinaryFloatingPoint>(_ a: [T], _ b: [T]) throws -> Double {
    try cosineSimilarity(a.map { Double($0) }, b.map { Double($0) })
  }

  /// The fraction of variance explained by a reconstruction:
  /// 1 − Σ‖xᵢ − x̂ᵢ‖² / Σ‖xᵢ − x̄‖².
  ///
  /// The inputs are row-major matrices of `dimension` columns (one row per example, e.g. an
  /// activation vector); x̄ is the per-column mean, so a constant offset per dimension is not
  /// counted as explained. This is the usual sparse-autoencoder "fraction of variance
  /// explained", and for `dimension` 1 the coefficient of determination R² (sklearn's
  /// `r2_score`, not its `explained_variance_score`, which ignores a mean residual). NaN when
  /// the target does not vary.
  /// - Throws: `StatisticsError` when the lengths differ or are not a multiple of `dimension`.
  public static func explainedVariance(
    target: [Double], reconstruction: [Double], dimension: Int = 1
  ) throws -> Double {
    guard target.count == reconstruction.count else {
      throw StatisticsError.lengthMismatch(
        function: "explainedVariance", first: target.count, second: reconstruction.count)
    }
    guard dimension > 0, target.count % dimension == 0 else {
      throw StatisticsError.invalidArgument(
        function: "explainedVariance",
        detail: "\(target.count) values do not form rows of \(dimension) columns")
    }
    let rows = target.count / dimension
    guard rows > 0 else { return .nan }
    var columnMeans = [Double](repeating: 0, count: dimension)
    for (i, value) in target.enumerated() { columnMeans[i % dimension] += value }
    for j in 0..<dimension { columnMeans[j] /= Double(rows) }
    var residual = 0.0
    var total = 0.0
    for i in 0..<target.count {
      let error = target[i] - reconstruction[i]
      let deviation = target[i] - columnMeans[i % dimension]
      residual += error * error
      total += deviation * deviation
    }
    guard total > 0 else { return .nan }
    return 1 - residual / total
  }

  /// Fraction of variance explained for other floating-point data, in double precision.
  public static func explainedVariance<T: BinaryFloatingPoint>(
    target: [T], reconstruction: [T], dimension: Int = 1
  ) throws -> Double {
    try explainedVariance(
      target: target.map { Double($0) }, reconstruction: reconstruction.map { Double($0) },
      dimension: dimension)
  }
}
