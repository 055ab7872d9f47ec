/// Spherical k-means (Dhillon & Modha 2001): unit centroids that maximise the summed cosine of
/// each row with its nearest centroid; a classical dictionary-learning baseline for SAEs.
///
/// Rows are normalised to unit length. Initialisation is k-means++ on cosine distance
/// `1 − cos`, drawn from the caller's generator; each Lloyd iteration assigns rows to the
/// centroid of largest cosine and sets each centroid to the normalised sum of its rows. A
/// cluster left empty is re-seeded with the row its centroid fits worst, so every centroid
/// stays in use.
public struct SphericalKMeans {
  /// Unit centroids `[k, d]`.
  public let centroids: Tensor
  /// The cluster of every fitted row.
  public let assignments: [Int]
  /// Mean cosine of rows with their centroids after the last iteration.
  public let meanCosine: Double
  /// Iterations run (stops early when no assignment changes).
  public let iterations: Int

  /// Fits `k` centroids to rows `x` `[n, d]`.
  ///
  /// - Parameter initial: Starting centroids `[k, d]`; `nil` draws them by k-means++.
  /// - Throws: ``DictionaryError`` when `k` is not in `1...n` or shapes disagree.
  public init(fitting x: Tensor, k: Int, maxIterations: Int = 50, initial: Tensor? = nil, rng: inout Xoshiro256) throws {
    guard x.rank == 2, k >= 1, k <= x.shape[0] else {
      throw DictionaryError.invalidArgument("k-means needs rows [n, d] and 1 ≤ k ≤ n, got \(x.shape), k = \(k)")
    }
    if let initial, initial.shape != [k, x.shape[1]] {
      throw DictionaryError.invalidArgument("initial centroids must be [\(k), \(x.shape[1])], got \(initial.shape)")
    }
    let (n, d) = (x.shape[0], x.shape[1])
    let unit = DictionaryRecovery.unitRows(x).contiguous()
    let rows = unit.toArray()
    var centroids = initial.map { DictionaryRecovery.unitRows($0).toArray() }
      ?? Self.plusPlus(rows, n: n, d: d, k: k, rng: &rng)
    var assignments = [Int](repeating: -1, count: n)
    var best = [Float](repeating: 0, count: n)
    var iterations = 0
    for _ in 0..<Swift.max(1, maxIterations) {
      iterations += 1
      let cosines = unit.matmul(Tensor(shape: [k, d], scalars: centroids).T).toArray()
      var changed = false
      for i in 0..<n {
        var arg = 0
        var value = -Float.infinity
        for c in 0..<k where cosines[i * k + c] > value {
          value = cosines[i * k + c]
          arg = c
        }
        if arg != assignments[i] { changed = true }
        assignments[i] = arg
        best[i] = value
      }
      var sums = [Float](repeating: 0, count: k * d)
      var counts = [Int](repeating: 0, count: k)
      for i in 0..<n {
        let c = assignments[i]
        counts[c] += 1
        for j in 0..<d { sums[c * d + j] += rows[i * d + j] }
      }
      // Empty clusters take the worst-fitted rows, each row used once.
      var worst = (0..<n).sorted { best[$0] < best[$1] }.makeIterator()
      for c in 0..<k where counts[c] == 0 {
        guard let row = worst.next() else { break }
        for j in 0..<d { sums[c * d + j] = rows[row * d + j] }
        changed = true
      }
      for c in 0..<k {
        var norm: Float = 0
        for j in 0..<d { norm += sums[c * d + j] * sums[c * d + j] }
        norm = norm.squareRoot()
        if norm > 0 { for j in 0..<d { centroids[c * d + j] = sums[c * d + j] / norm } }
      }
      if !changed { break }
    }
    let final = unit.matmul(Tensor(shape: [k, d], scalars: centroids).T).toArray()
    var total = 0.0
    for i in 0..<n { total += Double(final[i * k + assignments[i]]) }
    self.centroids = Tensor(shape: [k, d], scalars: centroids)
    self.assignments = assignments
    meanCosine = total / Double(n)
    self.iterations = iterations
  }

  /// k-means++ seeding on cosine distance: each next centroid is a row drawn with probability
  /// proportional to its distance `1 − cos` from the nearest centroid chosen so far.
  static func plusPlus(_ rows: [Float], n: Int, d: Int, k: Int, rng: inout Xoshiro256) -> [Float] {
    var chosen = [Float]()
    chosen.reserveCapacity(k * d)
    var first = Int(rng.nextDouble() * Double(n))
    first = Swift.min(first, n - 1)
    chosen.append(contentsOf: rows[(first * d)..<(first * d + d)])
    var distance = [Double](repeating: .infinity, count: n)
    for c in 1..<Swift.max(k, 1) {
      let last = (c - 1) * d
      var total = 0.0
      for i in 0..<n {
        var dot: Float = 0
        for j in 0..<d { dot += rows[i * d + j] * chosen[last + j] }
        distance[i] = Swift.min(distance[i], Swift.max(0, 1 - Double(dot)))
        total += distance[i]
      }
      var pick = n - 1
      if total > 0 {
        var target = rng.nextDouble() * total
        for i in 0..<n {
          target -= distance[i]
          if target < 0 {
            pick = i
            break
          }
        }
      } else {
        pick = Swift.min(Int(rng.nextDouble() * Double(n)), n - 1)
      }
      chosen.append(contentsOf: rows[(pick * d)..<(pick * d + d)])
    }
    return chosen
  }
}
