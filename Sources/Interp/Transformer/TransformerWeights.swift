/// An ordered set of named parameter tensors (a leaf module such as `embed` or `ln1`).
///
/// Names follow TransformerLens (`W_E`, `W_pos`, `w`, `b`, `W_U`, `b_U`) so that state
/// dictionaries read like TransformerLens ones (`"embed.W_E"`, `"blocks.0.ln1.w"`).
public final class TransformerWeights: Module {
  public let localParameters: [(name: String, tensor: Tensor)]
  /// For a normalization's gain (and bias): which normalization, and its epsilon.
  let normalization: (kind: TransformerConfig.Normalization, epsilon: Float)

  /// Parameters that train (each a new leaf requiring a gradient), or, with `trainable: false`,
  /// frozen ones used as given (pretrained weights: no autograd graph through them).
  init(
    _ tensors: [(String, Tensor)], trainable: Bool = true,
    normalization: (kind: TransformerConfig.Normalization, epsilon: Float) = (.layerNorm, 1e-5)
  ) {
    localParameters = tensors.map { ($0.0, trainable ? $0.1.requiringGrad() : $0.1) }
    self.normalization = normalization
  }

  /// The parameter called `name`, or `nil` when this group has none.
  public subscript(_ name: String) -> Tensor? {
    localParameters.first(where: { $0.name == name })?.tensor
  }

  /// A parameter the model itself created under `name` (so it is always present).
  func required(_ name: String) -> Tensor {
    guard let tensor = self[name] else {
      failCheck("TransformerWeights: no parameter '\(name)'; have \(localParameters.map(\.name))")
    }
    return tensor
  }
}

extension Tensor {
  /// Normal initialisation with standard deviation `1/√fanIn`.
  static func scaledNormal(_ shape: [Int], fanIn: Int, using rng: inout Xoshiro256) -> Tensor {
    randn(shape, std: 1 / Float(fanIn).squareRoot(), using: &rng)
  }
}

extension TransformerWeights {
  /// A fresh normalization's parameters for `config`: gain `w` of ones, and for LayerNorm a bias `b` of zeros.
  static func normalization(_ config: TransformerConfig) -> TransformerWeights {
    let d = config.modelDimension
    switch config.normalization {
    case .layerNorm:
      return TransformerWeights(
        [("w", Tensor.ones([d])), ("b", Tensor.zeros([d]))], normalization: (.layerNorm, config.normEpsilon))
    case .rmsNorm:
      return TransformerWeights([("w", Tensor.ones([d]))], normalization: (.rmsNorm, config.normEpsilon))
    }
  }
}
