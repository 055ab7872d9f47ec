/// Principal directions of activation rows, by power iteration with deflation on the covariance.
public struct PrincipalComponents {
  /// Unit directions `[count, d]`, by decreasing variance.
  public let directions: Tensor
  /// Variance along each direction.
  public let variances: [Double]
  public let mean: Tensor

  public init(fitting x: Tensor, count: Int, iterations: Int = 300) throws {
    guard x.rank == 2, x.shape[0] >= 2, count >= 1, count <= x.shape[1] else {
      throw BaselineError.invalidArgument("PCA needs rows [n ≥ 2, d] and 1 ≤ count ≤ d, got \(x.shape), count \(count)")
    }
    let (n, d) = (x.shape[0], x.shape[1])
    let values = x.toArray().map(Double.init)
    var mean = [Double](repeating: 0, count: d)
    for i in 0..<n { for j in 0..<d { mean[j] += values[i * d + j] / Double(n) } }
    var covariance = [Double](repeating: 0, count: d * d)
    for i in 0..<n {
      for a in 0..<d {
        let da = values[i * d + a] - mean[a]
        for b in 0..<d { covariance[a * d + b] += da * (values[i * d + b] - mean[b]) / Double(n - 1) }
      }
    }
    var found: [[Double]] = []
    var variances: [Double] = []
    for c in 0..<count {
      // A fixed, non-degenerate start keeps the result deterministic.
      var v = (0..<d).map { 1.0 + Double(($0 * 7 + c * 3) % 11) / 10 }
      var lambda = 0.0
      for _ in 0..<iterations {
        var w = [Double](repeating: 0, count: d)
        for a in 0..<d { for b in 0..<d { w[a] += covariance[a * d + b] * v[b] } }
        let norm = w.reduce(0) { $0 + $1 * $1 }.squareRoot()
        if norm == 0 { break }
        lambda = norm
        v = w.map { $0 / norm }
      }
      found.append(v)
      variances.append(lambda)
      for a in 0..<d { for b in 0..<d { covariance[a * d + b] -= lambda * v[a] * v[b] } }
    }
    directions = Tensor(shape: [count, d], scalars: found.flatMap { $0.map(Float.init) })
    self.variances = variances
    self.mean = Tensor(mean.map(Float.init))
  }

  /// Coordinates of rows `[m, d]` along the directions, `[m, count]`.
  public func project(_ x: Tensor) -> Tensor { (x - mean).matmul(directions.T) }
}

/// Small dense linear algebra in double precision for the baselines.
enum DenseLinearAlgebra {
  /// The inverse of a symmetric positive-definite `[n, n]` matrix via Cholesky, or `nil`.
  static func inverseSymmetricPositiveDefinite(_ a: [Double], _ n: Int) -> [Double]? {
    var l = [Double](repeating: 0, count: n * n)
    for i in 0..<n {
      for j in 0...i {
        var s = a[i * n + j]
        for k in 0..<j { s -= l[i * n + k] * l[j * n + k] }
        if i == j {
          guard s > 0 else { return nil }
          l[i * n + i] = s.squareRoot()
        } else {
          l[i * n + j] = s / l[j * n + j]
        }
      }
    }
    var inverse = [Double](repeating: 0, count: n * n)
    for column in 0..<n {
      var y = [Double](repeating: 0, count: n)
      for i in 0..<n {
        var s = i == column ? 1.0 : 0.0
        for k in 0..<i { s -= l[i * n + k] * y[k] }
        y[i] = s / l[i * n + i]
      }
      var x = [Double](repeating: 0, count: n)
      for i in (0..<n).reversed() {
        var s = y[i]
        for k in (i + 1)..<n { s -= l[k * n + i] * x[k] }
        x[i] = s / l[i * n + i]
      }
      for i in 0..<n { inverse[i * n + column] = x[i] }
    }
    return inverse
  }
}
