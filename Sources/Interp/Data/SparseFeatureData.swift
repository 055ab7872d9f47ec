/// Sparse features in superposition: `n` ground-truth directions in `d < n` dimensions, a few
/// active per example (Elhage et al. 2022; Sharkey et al. 2022 for SAE recovery tests).
///
/// Feature `i` fires with probability proportional to `decay^i`, scaled so that on average
/// ``expectedActive`` features fire; an active feature's magnitude is uniform in `[0, 1)`. An
/// example is `Σ cᵢ·featureᵢ`, with unit-norm Gaussian feature directions.
public struct SparseFeatureData {
  /// Ground-truth directions `[n, d]`, unit norm.
  public let features: Tensor
  /// Firing probability of each feature.
  public let probabilities: [Double]
  public let expectedActive: Double

  public init(featureCount: Int, dimension: Int, expectedActive: Double = 3, decay: Double = 0.99, rng: inout Xoshiro256)
    throws
  {
    guard featureCount > 0, dimension > 0, expectedActive > 0, decay > 0 else {
      throw DataError.invalidArgument("sparse features need positive sizes, activity and decay")
    }
    let raw = Tensor.randn([featureCount, dimension], using: &rng)
    features = raw / raw.norm(axes: [1], keepDims: true)
    // Repeated multiplication rather than pow keeps the probabilities identical on every platform.
    var weights = [Double](repeating: 1, count: featureCount)
    for i in 1..<Swift.max(1, featureCount) { weights[i] = weights[i - 1] * decay }
    let scale = expectedActive / weights.reduce(0, +)
    probabilities = weights.map { Swift.min(1, $0 * scale) }
    self.expectedActive = expectedActive
  }

  /// A batch: activations `[batch, d]` and the feature coefficients `[batch, n]` behind them.
  public func sample(_ batch: Int, using rng: inout Xoshiro256) -> (activations: Tensor, coefficients: Tensor) {
    let n = probabilities.count
    var c = [Float](repeating: 0, count: batch * n)
    for b in 0..<batch {
      for i in 0..<n where rng.nextDouble() < probabilities[i] { c[b * n + i] = rng.nextFloat() }
    }
    let coefficients = Tensor(shape: [batch, n], scalars: c)
    return (coefficients.matmul(features), coefficients)
  }

  /// Inputs for the toy model of superposition: `[batch, n]`, each feature zero with probability
  /// `sparsity` and otherwise uniform in `[0, 1)` (Elhage et al. 2022, section 2).
  public static func superpositionInputs(batch: Int, featureCount: Int, sparsity: Double, using rng: inout Xoshiro256)
    -> Tensor
  {
    var x = [Float](repeating: 0, count: batch * featureCount)
    for i in 0..<x.count where rng.nextDouble() >= sparsity { x[i] = rng.nextFloat() }
    return Tensor(shape: [batch, featureCount], scalars: x)
  }
}

/// A failure to generate a synthetic data set.
public enum DataError: Error, Equatable, CustomStringConvertible {
  case invalidArgument(String)
  public var description: String {
    switch self {
    case .invalidArgument(let detail): return "synthetic data: \(detail)"
    }
  }
}
