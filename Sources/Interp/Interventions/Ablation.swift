/// What replaces an activation when it is knocked out.
///
/// - `zero`: zeros (TransformerLens's usual hook ablation).
/// - `mean`: the mean activation over a reference batch (mean ablation), broadcast over the batch.
/// - `resample`: the activation on *other* inputs (resample ablation, as in causal scrubbing);
///   build it with ``resample(from:using:)`` to pair each example with a shuffled one.
public enum Ablation {
  case zero
  /// A mean activation without the batch axis (e.g. `[pos, d_model]`).
  case mean(Tensor)
  /// Replacement activations with the full activation shape.
  case resample(Tensor)

  /// Mean ablation using the average of `activations` over the batch axis (axis 0).
  public static func mean(of activations: Tensor) -> Ablation { .mean(activations.mean(axis: 0)) }

  /// Resample ablation: each example's activation comes from another example of `activations`,
  /// chosen by a random derangement (no example keeps its own activation when the batch has ≥ 2).
  public static func resample(from activations: Tensor, using rng: inout Xoshiro256) -> Ablation {
    let n = activations.shape.first ?? 0
    guard n >= 2 else { return .resample(activations) }
    // A shift by a random non-zero offset of a random permutation is a derangement.
    let order = rng.permutation(n)
    let shift = 1 + rng.nextInt(below: n - 1)
    var source = [Int](repeating: 0, count: n)
    for i in 0..<n { source[order[i]] = order[(i + shift) % n] }
    return .resample(activations.detached().indexSelect(axis: 0, source))
  }

  /// A hook that ablates `region` of the activation it receives.
  public func hook(_ region: ActivationRegion = .all) -> HookFunction {
    { activation, point in
      let replacement: Tensor
      switch self {
      case .zero: replacement = Tensor.zeros(like: activation)
      case .mean(let mean):
        guard Array(activation.shape.dropFirst()) == mean.shape else {
          throw TransformerError.invalidIntervention(
            "mean ablation at \(point.name): mean has shape \(mean.shape), activation rows have \(Array(activation.shape.dropFirst()))")
        }
        replacement = mean.unsqueezed(0).expanded(to: activation.shape)
      case .resample(let values): replacement = values
      }
      return try region.blend(activation, replacement, at: point)
    }
  }
}
