/// A binary task whose label is carried by an intended direction, while a spurious direction
/// agrees with the label on most training examples but is independent of it on test examples
/// (a toy version of the Bias-in-Bios setting of Marks et al. 2024).
///
/// Each example is `y·intended + s·spurious + noise·ε`, with `y, s ∈ {−1, +1}` and Gaussian ε.
/// In the training split `s = y` with probability ``correlation``; in the test split `s` is a
/// fair coin. Labels are `y > 0`.
public struct SpuriousFeatureTask {
  /// Unit-norm directions `[d]`, orthogonal to each other.
  public let intended: Tensor
  public let spurious: Tensor
  public let correlation: Double
  public let noise: Float

  public init(dimension: Int, correlation: Double, noise: Float = 0.5, rng: inout Xoshiro256) throws {
    guard dimension >= 2, correlation >= 0, correlation <= 1, noise >= 0 else {
      throw DataError.invalidArgument("the spurious-feature task needs d ≥ 2, 0 ≤ correlation ≤ 1, noise ≥ 0")
    }
    let a = Tensor.randn([dimension], using: &rng)
    let u = a / a.norm()
    let b = Tensor.randn([dimension], using: &rng)
    let orthogonal = b - u * (b * u).sum()
    intended = u
    spurious = orthogonal / orthogonal.norm()
    self.correlation = correlation
    self.noise = noise
  }

  /// `count` examples `[count, d]` with labels; `split` chooses the train (correlated) or test (independent) rule.
  public func sample(_ count: Int, split: Split, using rng: inout Xoshiro256) -> (inputs: Tensor, labels: [Bool], spuriousSigns: [Bool]) {
    let d = intended.count
    var rows: [Float] = []
    rows.reserveCapacity(count * d)
    var labels: [Bool] = []
    var signs: [Bool] = []
    let u = intended.toArray()
    let v = spurious.toArray()
    for _ in 0..<count {
      let y = rng.nextDouble() < 0.5
      let agree = split == .train ? rng.nextDouble() < correlation : rng.nextDouble() < 0.5
      let s = agree ? y : !y
      let (ys, ss): (Float, Float) = (y ? 1 : -1, s ? 1 : -1)
      for j in 0..<d { rows.append(ys * u[j] + ss * v[j] + noise * Float(rng.nextNormal())) }
      labels.append(y)
      signs.append(s)
    }
    return (Tensor(shape: [count, d], scalars: rows), labels, signs)
  }

  public enum Split: Sendable { case train, test }
}
