/// Held-out anomalies for sparse-feature data, in three families fixed before any detector is
/// fitted: directions outside the dictionary, feature pairs that never fire together in
/// training, and Gaussian noise of a normal row's norm.
extension SparseFeatureData {
  /// A batch as ``sample(_:using:)`` in which no pair of `forbiddenPairs` fires together: when
  /// both features of a pair are drawn, the second is dropped.
  public func sample(_ batch: Int, forbiddenPairs: [(Int, Int)], using rng: inout Xoshiro256) -> Tensor {
    coefficients(batch, forbiddenPairs: forbiddenPairs, using: &rng).matmul(features)
  }

  /// Rows in which one forbidden pair (chosen uniformly) fires together, each of the two with
  /// magnitude uniform in `[0.5, 1)`, on top of an ordinary background row.
  public func sampleForbiddenPairs(_ batch: Int, forbiddenPairs: [(Int, Int)], using rng: inout Xoshiro256) throws
    -> Tensor
  {
    guard !forbiddenPairs.isEmpty else { throw DataError.invalidArgument("no forbidden pairs to sample") }
    let n = probabilities.count
    var c = coefficients(batch, forbiddenPairs: forbiddenPairs, using: &rng).toArray()
    for b in 0..<batch {
      let (i, j) = forbiddenPairs[rng.nextInt(below: forbiddenPairs.count)]
      c[b * n + i] = 0.5 + 0.5 * rng.nextFloat()
      c[b * n + j] = 0.5 + 0.5 * rng.nextFloat()
    }
    return Tensor(shape: [batch, n], scalars: c).matmul(features)
  }

  /// Ordinary rows in which one active feature's direction is swapped for a fresh random unit
  /// direction (same coefficient), so the norm stays typical but the row leaves the dictionary.
  /// A row with no active feature gets one feature's worth of the new direction.
  public func sampleOffDictionary(_ batch: Int, forbiddenPairs: [(Int, Int)], using rng: inout Xoshiro256) -> Tensor {
    let n = probabilities.count
    let d = features.shape[1]
    let c = coefficients(batch, forbiddenPairs: forbiddenPairs, using: &rng)
    var rows = c.matmul(features).toArray()
    let coefficients = c.toArray()
    let directions = features.toArray()
    for b in 0..<batch {
      let active = (0..<n).filter { coefficients[b * n + $0] > 0 }
      let novel = Tensor.randn([d], using: &rng)
      let unit = (novel / novel.norm(axes: [0])).toArray()
      var weight = rng.nextFloat()
      if let feature = active.isEmpty ? nil : active[rng.nextInt(below: active.count)] {
        weight = coefficients[b * n + feature]
        for j in 0..<d { rows[b * d + j] -= weight * directions[feature * d + j] }
      }
      for j in 0..<d { rows[b * d + j] += weight * unit[j] }
    }
    return Tensor(shape: [batch, d], scalars: rows)
  }

  /// Gaussian rows scaled to the norms of `rows` `[m, d]`, row by row.
  public static func normMatchedNoise(like rows: Tensor, using rng: inout Xoshiro256) -> Tensor {
    let noise = Tensor.randn(rows.shape, using: &rng)
    let scale = rows.norm(axes: [1], keepDims: true) / noise.norm(axes: [1], keepDims: true).clamped(min: 1e-12)
    return noise * scale
  }

  private func coefficients(_ batch: Int, forbiddenPairs: [(Int, Int)], using rng: inout Xoshiro256) -> Tensor {
    let n = probabilities.count
    var c = [Float](repeating: 0, count: batch * n)
    for b in 0..<batch {
      for i in 0..<n where rng.nextDouble() < probabilities[i] { c[b * n + i] = rng.nextFloat() }
      for (i, j) in forbiddenPairs where c[b * n + i] > 0 && c[b * n + j] > 0 { c[b * n + j] = 0 }
    }
    return Tensor(shape: [batch, n], scalars: c)
  }
}
