/// Elementwise mathematical functions with gradients.
extension Tensor {
  /// `eˣ` elementwise.
  public func exp() -> Tensor {
    let y = Tensor.unaryMap(self, ExpKernel.self)
    return Tensor.record(y, op: "exp", inputs: [self]) { g in [g * y] }
  }

  /// Natural logarithm elementwise.
  public func log() -> Tensor {
    let x = detached()
    return Tensor.record(Tensor.unaryMap(self, LogKernel.self), op: "log", inputs: [self]) { g in [g / x] }
  }

  /// `max(x, 0)` elementwise (gradient 0 at 0).
  public func relu() -> Tensor {
    let x = detached()
    return Tensor.record(
      Tensor.unaryMap(self, ReluKernel.self), op: "relu", inputs: [self],
      accumulating: { g, gathered in
        Tensor.accumulateMap(&g, x, ReluGradKernel.self, into: &gathered[0], op: "relu backward")
      })
  }

  /// How ``gelu(approximation:)`` evaluates the Gaussian CDF.
  public enum GeluApproximation: Sendable {
    /// The exact `x·Φ(x)` with `erf` (PyTorch's default).
    case none
    /// The tanh approximation used by GPT-2.
    case tanh
  }

  /// Gaussian error linear unit `x·Φ(x)`, exact or tanh-approximated.
  public func gelu(approximation: GeluApproximation = .none) -> Tensor {
    let x = detached()
    switch approximation {
    case .none:
      return Tensor.record(Tensor.unaryMap(self, GeluKernel.self), op: "gelu", inputs: [self]) { g in
        [g * Tensor.unaryMap(x, GeluGradKernel.self)]
      }
    case .tanh:
      return Tensor.record(Tensor.unaryMap(self, GeluTanhKernel.self), op: "gelu", inputs: [self]) { g in
        [g * Tensor.unaryMap(x, GeluTanhGradKernel.self)]
      }
    }
  }

  /// Hyperbolic tangent elementwise.
  public func tanh() -> Tensor {
    let y = Tensor.unaryMap(self, TanhKernel.self)
    return Tensor.record(y, op: "tanh", inputs: [self], accumulating: { g, gathered in
      Tensor.accumulateMap(&g, y, TanhGradKernel.self, into: &gathered[0], op: "tanh backward")
    })
  }

  /// Logistic sigmoid `1/(1+e⁻ˣ)` elementwise.
  public func sigmoid() -> Tensor {
    let y = Tensor.unaryMap(self, SigmoidKernel.self)
    return Tensor.record(y, op: "sigmoid", inputs: [self], accumulating: { g, gathered in
      Tensor.accumulateMap(&g, y, SigmoidGradKernel.self, into: &gathered[0], op: "sigmoid backward")
    })
  }

  /// Square root elementwise.
  public func sqrt() -> Tensor {
    let y = Tensor.unaryMap(self, SqrtKernel.self)
    return Tensor.record(y, op: "sqrt", inputs: [self]) { g in [g * 0.5 / y] }
  }

  /// Absolute value elementwise (gradient 0 at 0).
  public func abs() -> Tensor {
    let x = detached()
    return Tensor.record(
      Tensor.unaryMap(self, AbsKernel.self), op: "abs", inputs: [self],
      accumulating: { g, gathered in
        Tensor.accumulateMap(&g, x, SignGradKernel.self, into: &gathered[0], op: "abs backward")
      })
  }

  /// `x²` elementwise.
  public func square() -> Tensor { self * self }
}
