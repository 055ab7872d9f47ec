/// An elementwise nonlinearity for ``MLP``.
public enum Activation: Sendable {
  case relu, gelu, tanh, sigmoid, identity
  /// `x·σ(x)` (SiLU, also called swish), the activation of Llama's SwiGLU MLP.
  case silu
  /// GELU with the tanh approximation (GPT-2's `gelu_new`).
  case geluTanh

  /// Applies the nonlinearity.
  public func callAsFunction(_ x: Tensor) -> Tensor {
    switch self {
    case .relu: return x.relu()
    case .gelu: return x.gelu()
    case .tanh: return x.tanh()
    case .sigmoid: return x.sigmoid()
    case .identity: return x
    case .silu: return x * x.sigmoid()
    case .geluTanh: return x.gelu(approximation: .tanh)
    }
  }
}

/// A multilayer perceptron: ``Linear`` layers named `fc1`, `fc2`, … with an activation
/// between consecutive layers (none after the last).
public final class MLP: Module {
  /// The layers, in order.
  public let layers: [Linear]
  /// The nonlinearity between layers.
  public let activation: Activation

  /// - Parameter sizes: Input size, hidden sizes, output size (at least two entries).
  public init(_ sizes: [Int], activation: Activation = .relu, rng: inout Xoshiro256) {
    check(sizes.count >= 2, "MLP: needs at least input and output sizes, got \(sizes)")
    var layers: [Linear] = []
    for i in 0..<(sizes.count - 1) { layers.append(Linear(sizes[i], sizes[i + 1], rng: &rng)) }
    self.layers = layers
    self.activation = activation
  }

  public var children: [(name: String, module: any Module)] {
    layers.enumerated().map { ("fc\($0.offset + 1)", $0.element) }
  }

  public func callAsFunction(_ x: Tensor) -> Tensor {
    var h = x
    for (i, layer) in layers.enumerated() {
      h = layer(h)
      if i < layers.count - 1 { h = activation(h) }
    }
    return h
  }
}
