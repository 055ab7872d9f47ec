/// FastICA (Hyvärinen & Oja 2000): the classical linear answer to "which directions are the
/// independent sources of these activations", a baseline for dictionary learning.
///
/// Rows are centred and whitened (`z = Σ^{-1/2}(x − μ)`, dropping directions whose variance is
/// below `1e-10` of the largest); the unmixing matrix is found by the symmetric fixed-point
/// iteration with the log-cosh contrast, `W ← E[g(Wz)zᵀ] − diag(E[g′(Wz)])·W`, `g = tanh`,
/// followed by `W ← (WWᵀ)^{-1/2}W`. ICA finds at most `d` components: it cannot represent more
/// sources than dimensions, which is the point of comparing it with an overcomplete SAE.
public struct FastICA {
  /// The estimated source directions in data space, one per row `[components, d]` (the
  /// columns of the mixing matrix `A` with `x ≈ A·s + μ`).
  public let mixing: Tensor
  /// The unmixing rows `[components, d]`: `s = unmixing·(x − μ)`.
  public let unmixing: Tensor
  public let mean: Tensor
  /// Iterations run; the iteration stops when every row's direction changes by less than
  /// `tolerance` (`1 − |⟨wₙₑw, wₒₗd⟩|`).
  public let iterations: Int
  public let converged: Bool

  /// Fits `components` sources to rows `x` `[n, d]`, starting from a Gaussian unmixing matrix
  /// drawn from `rng`.
  ///
  /// - Throws: ``BaselineError`` for bad shapes or a component count above the data's rank.
  public init(
    fitting x: Tensor, components: Int, maxIterations: Int = 200, tolerance: Double = 1e-4, rng: inout Xoshiro256
  ) throws {
    guard x.rank == 2, x.shape[0] >= 2, components >= 1, components <= x.shape[1] else {
      throw BaselineError.invalidArgument("ICA needs rows [n ≥ 2, d] and 1 ≤ components ≤ d, got \(x.shape), \(components)")
    }
    let (n, d) = (x.shape[0], x.shape[1])
    let values = x.toArray().map(Double.init)
    var mean = [Double](repeating: 0, count: d)
    for i in 0..<n { for j in 0..<d { mean[j] += values[i * d + j] / Double(n) } }
    let centred = Tensor(shape: [n, d], scalars: (0..<(n * d)).map { Float(values[$0] - mean[$0 % d]) })
    let covariance = centred.T.matmul(centred).toArray().map { Double($0) / Double(n) }
    let eigen = SymmetricEigen(covariance, d)
    let floor = (eigen.values.first ?? 0) * 1e-10
    guard eigen.values.count >= components, eigen.values[components - 1] > floor else {
      throw BaselineError.invalidArgument("the data have fewer than \(components) directions of non-zero variance")
    }
    // Whitening onto the top `components` principal directions: K [c, d] = Λ^{-1/2} Vᵀ.
    var whitening = [Float](repeating: 0, count: components * d)
    var dewhitening = [Float](repeating: 0, count: d * components)
    for c in 0..<components {
      let scale = eigen.values[c].squareRoot()
      for j in 0..<d {
        whitening[c * d + j] = Float(eigen.vectors[j * d + c] / scale)
        dewhitening[j * components + c] = Float(eigen.vectors[j * d + c] * scale)
      }
    }
    let k = Tensor(shape: [components, d], scalars: whitening)
    let z = centred.matmul(k.T)  // [n, c]
    var w = Self.decorrelate(Tensor.randn([components, components], using: &rng).toArray().map(Double.init), components)
    var iterations = 0
    var converged = false
    for _ in 0..<Swift.max(1, maxIterations) {
      iterations += 1
      let wt = Tensor(shape: [components, components], scalars: w.map(Float.init))
      let projections = z.matmul(wt.T)  // [n, c]
      let g = projections.tanh()
      let gPrime = (1 - g.square()).mean(axis: 0).toArray().map(Double.init)
      let expectation = g.T.matmul(z).toArray().map { Double($0) / Double(n) }  // [c, c]
      var next = [Double](repeating: 0, count: components * components)
      for r in 0..<components {
        for c in 0..<components { next[r * components + c] = expectation[r * components + c] - gPrime[r] * w[r * components + c] }
      }
      next = Self.decorrelate(next, components)
      var change = 0.0
      for r in 0..<components {
        var dot = 0.0
        for c in 0..<components { dot += next[r * components + c] * w[r * components + c] }
        change = Swift.max(change, 1 - Swift.abs(dot))
      }
      w = next
      if change < tolerance {
        converged = true
        break
      }
    }
    let wTensor = Tensor(shape: [components, components], scalars: w.map(Float.init))
    unmixing = wTensor.matmul(k)
    // A = K⁺·Wᵀ with K⁺ = V Λ^{1/2}; rows of `mixing` are A's columns.
    mixing = Tensor(shape: [d, components], scalars: dewhitening).matmul(wTensor.T).T.contiguous()
    self.mean = Tensor(mean.map(Float.init))
    self.iterations = iterations
    self.converged = converged
  }

  /// The estimated sources of rows `x` `[m, d]`, `[m, components]`.
  public func sources(_ x: Tensor) -> Tensor { (x - mean).matmul(unmixing.T) }

  /// Symmetric decorrelation `(WWᵀ)^{-1/2}W` of a row-major `[c, c]` matrix.
  static func decorrelate(_ w: [Double], _ c: Int) -> [Double] {
    var gram = [Double](repeating: 0, count: c * c)
    for i in 0..<c {
      for j in 0..<c {
        var s = 0.0
        for k in 0..<c { s += w[i * c + k] * w[j * c + k] }
        gram[i * c + j] = s
      }
    }
    let root = SymmetricEigen(gram, c).applying { 1 / Swift.max($0, 1e-300).squareRoot() }
    var out = [Double](repeating: 0, count: c * c)
    for i in 0..<c {
      for j in 0..<c {
        var s = 0.0
        for k in 0..<c { s += root[i * c + k] * w[k * c + j] }
        out[i * c + j] = s
      }
    }
    return out
  }
}
