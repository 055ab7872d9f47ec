/// Steering vectors: difference-of-means directions, activation addition, directional ablation,
/// and the controls a steering claim needs (Turner et al. 2023; Panickssery et al. 2023;
/// Arditi et al. 2024).
///
/// ```swift
/// let v = try Steering.differenceOfMeans(positive: happy, negative: sad)   // [d_model]
/// let steered = try model.run(tokens, hooks: [(.residPre(1), Steering.addition(v, scale: 4))])
/// let (random, flipped) = Steering.controls(for: v, using: &rng)           // same-norm controls
/// ```
public enum Steering {
  /// `mean(positive) − mean(negative)` over the first axis of `[n, d]` activation batches.
  public static func differenceOfMeans(positive: Tensor, negative: Tensor) throws -> Tensor {
    guard positive.rank == 2, negative.rank == 2, positive.shape[1] == negative.shape[1],
      positive.shape[0] > 0, negative.shape[0] > 0
    else {
      throw TransformerError.invalidIntervention(
        "difference of means needs two non-empty [n, d] batches of equal width, got \(positive.shape) and \(negative.shape)")
    }
    return withNoGrad { positive.mean(axis: 0) - negative.mean(axis: 0) }
  }

  /// A hook adding `scale · vector` at every position (or only at `position`) of a
  /// `[batch, pos, d]` activation.
  public static func addition(_ vector: Tensor, scale: Float = 1, position: Int? = nil) -> HookFunction {
    { activation, point in
      guard activation.rank >= 1, vector.shape == [activation.shape[activation.rank - 1]] else {
        throw TransformerError.invalidIntervention(
          "steering vector of shape \(vector.shape) does not match the last axis of \(activation.shape) at \(point.name)")
      }
      let added = activation + vector * scale
      guard let position else { return added }
      return try ActivationRegion.position(position).blend(activation, added, at: point)
    }
  }

  /// A hook removing the component along `direction`: `x ← x − (x·r̂) r̂`.
  public static func directionalAblation(_ direction: Tensor) -> HookFunction {
    { activation, point in
      guard vectorFits(direction, activation) else {
        throw TransformerError.invalidIntervention(
          "direction of shape \(direction.shape) does not match the last axis of \(activation.shape) at \(point.name)")
      }
      let unit = direction / (direction.norm() + 1e-12)
      return activation - (activation * unit).sum(axis: -1, keepDims: true) * unit
    }
  }

  /// Controls for a steering vector: a uniformly random direction with the same norm, and the
  /// sign-flipped vector. A real effect should vanish for the first and reverse for the second.
  public static func controls(for vector: Tensor, using rng: inout Xoshiro256) -> (random: Tensor, flipped: Tensor) {
    let raw = Tensor.randn(vector.shape, using: &rng)
    let random = raw / raw.norm() * vector.norm()
    return (random, vector * -1)
  }

  static func vectorFits(_ vector: Tensor, _ activation: Tensor) -> Bool {
    activation.rank >= 1 && vector.shape == [activation.shape[activation.rank - 1]]
  }
}
