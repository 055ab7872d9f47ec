/// Eigenvalues and eigenvectors of a small symmetric matrix by cyclic Jacobi rotations, in
/// double precision (for whitening and symmetric decorrelation, where `d` is at most a few
/// hundred).
struct SymmetricEigen {
  /// Eigenvalues, descending.
  let values: [Double]
  /// Eigenvectors as columns of a row-major `[n, n]` matrix, in the order of ``values``.
  let vectors: [Double]

  init(_ a: [Double], _ n: Int, sweeps: Int = 60) {
    var m = a
    var v = [Double](repeating: 0, count: n * n)
    for i in 0..<n { v[i * n + i] = 1 }
    for _ in 0..<sweeps {
      var off = 0.0
      for p in 0..<n { for q in (p + 1)..<n where q < n { off += m[p * n + q] * m[p * n + q] } }
      if off < 1e-30 { break }
      for p in 0..<n {
        for q in (p + 1)..<n where q < n {
          let apq = m[p * n + q]
          if Swift.abs(apq) < 1e-300 { continue }
          let theta = (m[q * n + q] - m[p * n + p]) / (2 * apq)
          let t = (theta >= 0 ? 1.0 : -1.0) / (Swift.abs(theta) + (theta * theta + 1).squareRoot())
          let c = 1 / (t * t + 1).squareRoot()
          let s = t * c
          for k in 0..<n {
            let mkp = m[k * n + p]
            let mkq = m[k * n + q]
            m[k * n + p] = c * mkp - s * mkq
            m[k * n + q] = s * mkp + c * mkq
          }
          for k in 0..<n {
            let mpk = m[p * n + k]
            let mqk = m[q * n + k]
            m[p * n + k] = c * mpk - s * mqk
            m[q * n + k] = s * mpk + c * mqk
          }
          for k in 0..<n {
            let vkp = v[k * n + p]
            let vkq = v[k * n + q]
            v[k * n + p] = c * vkp - s * vkq
            v[k * n + q] = s * vkp + c * vkq
          }
        }
      }
    }
    let order = (0..<n).sorted { m[$0 * n + $0] > m[$1 * n + $1] }
    values = order.map { m[$0 * n + $0] }
    var sorted = [Double](repeating: 0, count: n * n)
    for (column, source) in order.enumerated() { for r in 0..<n { sorted[r * n + column] = v[r * n + source] } }
    vectors = sorted
  }

  /// `V·diag(f(λ))·Vᵀ`, a function of the matrix (for `Σ^{-1/2}`).
  func applying(_ f: (Double) -> Double) -> [Double] {
    let n = values.count
    var out = [Double](repeating: 0, count: n * n)
    for k in 0..<n {
      let w = f(values[k])
      for i in 0..<n {
        let vik = vectors[i * n + k] * w
        for j in 0..<n { out[i * n + j] += vik * vectors[j * n + k] }
      }
    }
    return out
  }
}
