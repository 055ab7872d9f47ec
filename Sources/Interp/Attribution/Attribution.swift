/// Input attributions for a scalar function of a tensor (as Captum's `InputXGradient`,
/// `IntegratedGradients` and `Occlusion`).
///
/// `f` maps an input of any shape to a one-element tensor through differentiable operations.
public enum Attribution {
  /// A differentiable scalar function of the input.
  public typealias Function = (_ input: Tensor) throws -> Tensor

  /// The gradient of `f` at `input`.
  public static func gradient(_ f: Function, at input: Tensor) throws -> Tensor {
    let x = input.detached().clone().requiringGrad()
    let y = try f(x)
    guard y.count == 1 else { throw AttributionError.notScalar(y.shape) }
    y.backward()
    return x.grad ?? Tensor.zeros(like: input)
  }

  /// Gradient × input.
  public static func gradientTimesInput(_ f: Function, input: Tensor) throws -> Tensor {
    try gradient(f, at: input) * input.detached()
  }

  /// Integrated gradients (Sundararajan et al. 2017) from `baseline` (zeros by default) to
  /// `input`, with the midpoint rule over `steps` points.
  ///
  /// Returns the attributions and the completeness gap `Σ attributions − (f(input) − f(baseline))`,
  /// which shrinks as `steps` grows (Captum's convergence delta).
  public static func integratedGradients(
    _ f: Function, input: Tensor, baseline: Tensor? = nil, steps: Int = 50
  ) throws -> (attributions: Tensor, delta: Double) {
    guard steps >= 1 else { throw AttributionError.invalidArgument("integrated gradients needs at least one step") }
    let x = input.detached()
    let base = baseline?.detached() ?? Tensor.zeros(like: x)
    guard base.shape == x.shape else { throw AttributionError.invalidArgument("baseline shape \(base.shape) differs from input \(x.shape)") }
    var total = Tensor.zeros(like: x)
    for k in 0..<steps {
      let alpha = (Float(k) + 0.5) / Float(steps)
      total = total + (try gradient(f, at: base + (x - base) * alpha))
    }
    let attributions = total / Float(steps) * (x - base)
    let gap = try withNoGrad { try f(x).item() - f(base).item() }
    return (attributions, Double(attributions.sum().item()) - Double(gap))
  }

  /// Occlusion: `f(input) − f(input with element i set to baselineValue)`, for each element.
  public static func occlusion(_ f: Function, input: Tensor, baselineValue: Float = 0) throws -> Tensor {
    let x = input.detached().contiguous()
    let reference = try withNoGrad { try f(x) }
    guard reference.count == 1 else { throw AttributionError.notScalar(reference.shape) }
    var values = x.toArray()
    var effects = [Float](repeating: 0, count: values.count)
    for i in 0..<values.count {
      let saved = values[i]
      values[i] = baselineValue
      effects[i] = reference.item() - (try withNoGrad { try f(Tensor(shape: x.shape, scalars: values)) }.item())
      values[i] = saved
    }
    return Tensor(shape: x.shape, scalars: effects)
  }
}

/// A failure to compute an attribution.
public enum AttributionError: Error, Equatable, CustomStringConvertible {
  case notScalar([Int])
  case invalidArgument(String)
  public var description: String {
    switch self {
    case .notScalar(let shape): return "attribution: the function must return one value, got shape \(shape)"
    case .invalidArgument(let detail): return "attribution: \(detail)"
    }
  }
}
