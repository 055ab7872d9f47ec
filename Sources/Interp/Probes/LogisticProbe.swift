import Foundation

/// A binary logistic-regression probe with L2 regularisation, fitted on standardised features.
///
/// Features are standardised with the training mean and standard deviation (the usual cure for
/// solver trouble on raw activations), then the penalised log-loss
/// `mean(log(1 + e^{−y·(w·x + b)})) + l2/2·‖w‖²` is minimised by accelerated gradient descent.
/// Whether the gradient norm fell below the tolerance is reported in ``converged``.
public struct LogisticProbe: Sendable {
  public let weights: [Double]
  public let bias: Double
  public let mean: [Double]
  public let scale: [Double]
  public let l2: Double
  /// Whether the optimiser reached the gradient tolerance within its iteration budget.
  public let converged: Bool
  public let iterations: Int

  /// Fits a probe on `features` `[n, d]` with boolean `labels`.
  public static func fit(
    _ features: Tensor, labels: [Bool], l2: Double = 1e-2, maxIterations: Int = 2000, tolerance: Double = 1e-6
  ) throws -> LogisticProbe {
    guard features.rank == 2, features.shape[0] == labels.count, labels.count >= 2 else {
      throw ProbeError.invalidArgument("a probe needs features [n, d] with n = \(labels.count) ≥ 2 labels, got \(features.shape)")
    }
    guard Set(labels).count == 2 else { throw ProbeError.invalidArgument("training labels contain a single class") }
    let (n, d) = (features.shape[0], features.shape[1])
    let raw = features.toArray().map(Double.init)
    var mean = [Double](repeating: 0, count: d)
    var scale = [Double](repeating: 0, count: d)
    for i in 0..<n { for j in 0..<d { mean[j] += raw[i * d + j] / Double(n) } }
    for i in 0..<n { for j in 0..<d { scale[j] += (raw[i * d + j] - mean[j]) * (raw[i * d + j] - mean[j]) / Double(n) } }
    scale = scale.map { $0 > 1e-24 ? $0.squareRoot() : 1 }
    var x = raw
    for i in 0..<n { for j in 0..<d { x[i * d + j] = (raw[i * d + j] - mean[j]) / scale[j] } }
    let y = labels.map { $0 ? 1.0 : -1.0 }
    // Lipschitz constant of the gradient: ¼·λmax(XᵀX/n) + l2 ≤ ¼·(d + 1) + l2 for standardised columns.
    let step = 1 / (0.25 * Double(d + 1) + l2)
    var w = [Double](repeating: 0, count: d + 1)
    var previous = w
    var converged = false
    var iterations = 0
    for t in 1...Swift.max(1, maxIterations) {
      iterations = t
      let momentum = Double(t - 1) / Double(t + 2)
      let v = zip(w, previous).map { $0 + momentum * ($0 - $1) }
      let g = gradient(v, x: x, y: y, n: n, d: d, l2: l2)
      previous = w
      w = zip(v, g).map { $0 - step * $1 }
      let norm = gradient(w, x: x, y: y, n: n, d: d, l2: l2).reduce(0) { $0 + $1 * $1 }.squareRoot()
      if norm < tolerance {
        converged = true
        break
      }
    }
    return LogisticProbe(
      weights: Array(w[0..<d]), bias: w[d], mean: mean, scale: scale, l2: l2, converged: converged, iterations: iterations)
  }

  static func gradient(_ w: [Double], x: [Double], y: [Double], n: Int, d: Int, l2: Double) -> [Double] {
    var g = [Double](repeating: 0, count: d + 1)
    for i in 0..<n {
      var z = w[d]
      for j in 0..<d { z += w[j] * x[i * d + j] }
      let coefficient = -y[i] / (1 + Foundation.exp(y[i] * z)) / Double(n)
      for j in 0..<d { g[j] += coefficient * x[i * d + j] }
      g[d] += coefficient
    }
    for j in 0..<d { g[j] += l2 * w[j] }
    return g
  }

  /// `P(label = true)` for each row of `features` `[n, d]`.
  public func probabilities(_ features: Tensor) throws -> [Double] {
    let d = weights.count
    guard features.rank == 2, features.shape[1] == d else {
      throw ProbeError.invalidArgument("probe expects features [n, \(d)], got \(features.shape)")
    }
    let raw = features.toArray()
    return (0..<features.shape[0]).map { i in
      var z = bias
      for j in 0..<d { z += weights[j] * (Double(raw[i * d + j]) - mean[j]) / scale[j] }
      return 1 / (1 + Foundation.exp(-z))
    }
  }

  /// Fraction of rows whose thresholded probability matches `labels`.
  public func accuracy(_ features: Tensor, labels: [Bool]) throws -> Double {
    let p = try probabilities(features)
    guard p.count == labels.count, !labels.isEmpty else {
      throw ProbeError.invalidArgument("\(labels.count) labels for \(p.count) rows")
    }
    return Double(zip(p, labels).filter { ($0 >= 0.5) == $1 }.count) / Double(labels.count)
  }
}

/// A failure to fit or apply a probe.
public enum ProbeError: Error, Equatable, CustomStringConvertible {
  case invalidArgument(String)
  public var description: String {
    switch self {
    case .invalidArgument(let detail): return "probe: \(detail)"
    }
  }
}
