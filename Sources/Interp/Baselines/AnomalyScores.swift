/// Classical anomaly scores on raw activations, the baselines SAE-based detectors must beat
/// (Mahalanobis distance, k-nearest-neighbour distance).
public struct MahalanobisScorer: Sendable {
  public let mean: [Double]
  /// Inverse of the (ridge-regularised) covariance, row-major `[d, d]`.
  let precision: [Double]

  /// Fits mean and covariance (with `ridge` added to the diagonal) on in-distribution rows `[n, d]`.
  public init(fitting reference: Tensor, ridge: Double = 1e-3) throws {
    guard reference.rank == 2, reference.shape[0] >= 2 else {
      throw BaselineError.invalidArgument("Mahalanobis needs reference rows [n ≥ 2, d], got \(reference.shape)")
    }
    let (n, d) = (reference.shape[0], reference.shape[1])
    let x = reference.toArray().map(Double.init)
    var mean = [Double](repeating: 0, count: d)
    for i in 0..<n { for j in 0..<d { mean[j] += x[i * d + j] / Double(n) } }
    var covariance = [Double](repeating: 0, count: d * d)
    for i in 0..<n {
      for a in 0..<d {
        let da = x[i * d + a] - mean[a]
        for b in 0..<d { covariance[a * d + b] += da * (x[i * d + b] - mean[b]) / Double(n - 1) }
      }
    }
    for a in 0..<d { covariance[a * d + a] += ridge }
    guard let inverse = DenseLinearAlgebra.inverseSymmetricPositiveDefinite(covariance, d) else {
      throw BaselineError.invalidArgument("covariance is not positive definite; raise the ridge")
    }
    self.mean = mean
    precision = inverse
  }

  /// The Mahalanobis distance of each row of `x` `[m, d]` from the reference distribution.
  public func scores(_ x: Tensor) throws -> [Double] {
    let d = mean.count
    guard x.rank == 2, x.shape[1] == d else { throw BaselineError.invalidArgument("expected rows [m, \(d)], got \(x.shape)") }
    let v = x.toArray().map(Double.init)
    return (0..<x.shape[0]).map { i in
      let delta = (0..<d).map { v[i * d + $0] - mean[$0] }
      var total = 0.0
      for a in 0..<d { for b in 0..<d { total += delta[a] * precision[a * d + b] * delta[b] } }
      return Swift.max(0, total).squareRoot()
    }
  }
}

/// Mean Euclidean distance to the `k` nearest reference rows.
public struct KNearestScorer: Sendable {
  let reference: [Double]
  let dimension: Int
  public let k: Int

  public init(fitting reference: Tensor, k: Int = 5) throws {
    guard reference.rank == 2, k >= 1, k <= reference.shape[0] else {
      throw BaselineError.invalidArgument("k-NN needs reference rows [n ≥ k, d] and k ≥ 1, got \(reference.shape), k = \(k)")
    }
    self.reference = reference.toArray().map(Double.init)
    dimension = reference.shape[1]
    self.k = k
  }

  public func scores(_ x: Tensor) throws -> [Double] {
    let d = dimension
    guard x.rank == 2, x.shape[1] == d else { throw BaselineError.invalidArgument("expected rows [m, \(d)], got \(x.shape)") }
    let v = x.toArray().map(Double.init)
    let n = reference.count / d
    return (0..<x.shape[0]).map { i in
      var distances = (0..<n).map { r -> Double in
        var s = 0.0
        for j in 0..<d {
          let e = v[i * d + j] - reference[r * d + j]
          s += e * e
        }
        return s.squareRoot()
      }
      distances.sort()
      return distances[0..<k].reduce(0, +) / Double(k)
    }
  }
}

/// A failure to fit or apply a baseline.
public enum BaselineError: Error, Equatable, CustomStringConvertible {
  case invalidArgument(String)
  public var description: String {
    switch self {
    case .invalidArgument(let detail): return "baseline: \(detail)"
    }
  }
}
