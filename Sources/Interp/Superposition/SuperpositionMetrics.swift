/// How much superposition a weight matrix `W` `[m, n]` holds (Elhage et al. 2022).
///
/// Column `i` of `W` is feature `i`'s direction in the `m`-dimensional hidden space. A feature
/// counts as represented when its column's norm exceeds a threshold (0.5 in the paper's
/// figures); ``dimensionsPerFeature`` is the paper's `D* = m / ‖W‖²_F`, the number of hidden
/// dimensions each represented feature gets (1 without superposition, 1/2 for antipodal pairs).
public struct SuperpositionMetrics: Sendable, Equatable {
  /// `‖Wᵢ‖` for each feature.
  public let featureNorms: [Double]
  /// `m / ‖W‖²_F`.
  public let dimensionsPerFeature: Double
  /// Each feature's dimensionality `Dᵢ = ‖Wᵢ‖² / Σⱼ (Ŵᵢ·Wⱼ)²` (0 for a zero column).
  public let featureDimensionalities: [Double]
  /// Each feature's interference `Σⱼ≠ᵢ (Ŵᵢ·Wⱼ)²` with the other features (0 for a zero column).
  public let interference: [Double]
  /// `WᵀW` `[n][n]`.
  public let gram: [[Double]]

  /// Computes the metrics of `rows` (`W` as `m` rows of `n` numbers).
  ///
  /// - Throws: ``DataError`` for an empty or ragged matrix.
  public init(weightRows rows: [[Double]]) throws {
    guard let n = rows.first?.count, n > 0, rows.allSatisfy({ $0.count == n }) else {
      throw DataError.invalidArgument("superposition metrics need a non-empty [m, n] matrix with equal rows")
    }
    let m = rows.count
    var gram = [[Double]](repeating: [Double](repeating: 0, count: n), count: n)
    for i in 0..<n {
      for j in i..<n {
        var s = 0.0
        for r in 0..<m { s += rows[r][i] * rows[r][j] }
        gram[i][j] = s
        gram[j][i] = s
      }
    }
    let squaredNorms = (0..<n).map { gram[$0][$0] }
    featureNorms = squaredNorms.map { $0.squareRoot() }
    let frobenius = squaredNorms.reduce(0, +)
    dimensionsPerFeature = frobenius > 0 ? Double(m) / frobenius : .infinity
    var dimensionalities = [Double](repeating: 0, count: n)
    var interference = [Double](repeating: 0, count: n)
    for i in 0..<n where squaredNorms[i] > 0 {
      // (Ŵᵢ·Wⱼ)² = (Wᵢ·Wⱼ)² / ‖Wᵢ‖².
      var total = 0.0
      for j in 0..<n { total += gram[i][j] * gram[i][j] / squaredNorms[i] }
      dimensionalities[i] = squaredNorms[i] / total
      interference[i] = total - squaredNorms[i]
    }
    featureDimensionalities = dimensionalities
    self.interference = interference
    self.gram = gram
  }

  /// The number of features whose norm exceeds `threshold`.
  public func featuresRepresented(threshold: Double = 0.5) -> Int {
    featureNorms.filter { $0 > threshold }.count
  }
}
