/// The toy model of Elhage et al. 2022 ("Toy Models of Superposition", section 2):
/// `h = W·x`, `x' = ReLU(Wᵀ·h + b)` with `W` `[m, n]`, `m < n`.
///
/// With ``Activation/identity`` the same model is linear (`x' = WᵀWx + b`), which the paper
/// uses as its comparison: a linear model can only keep the `m` most important features, as
/// PCA does. Training minimises the importance-weighted squared error
/// `Σᵢ Iᵢ·(xᵢ − x'ᵢ)²`, summed over features and averaged over the batch.
public final class ToyModelOfSuperposition: Module {
  /// The output nonlinearity.
  public enum Activation: String, Sendable, Equatable {
    case relu
    case identity
  }

  /// `[m, n]`: column `i` is feature `i`'s direction in the hidden space.
  public let weight: Tensor
  /// `[n]`.
  public let bias: Tensor
  public let activation: Activation

  /// The number of input features `n`.
  public var featureCount: Int { weight.shape[1] }
  /// The hidden width `m`.
  public var hiddenDimension: Int { weight.shape[0] }

  /// A model with Xavier-normal weights (std `√(2/(n+m))`, as the paper's code) and zero bias.
  ///
  /// - Throws: ``DataError`` for non-positive sizes.
  public init(featureCount: Int, hiddenDimension: Int, activation: Activation = .relu, rng: inout Xoshiro256) throws {
    guard featureCount > 0, hiddenDimension > 0 else {
      throw DataError.invalidArgument(
        "the toy model needs positive sizes, got n = \(featureCount), m = \(hiddenDimension)")
    }
    let std = (2 / Float(featureCount + hiddenDimension)).squareRoot()
    weight = Tensor.randn([hiddenDimension, featureCount], std: std, using: &rng).requiringGrad()
    bias = Tensor.zeros([featureCount]).requiringGrad()
    self.activation = activation
  }

  public var localParameters: [(name: String, tensor: Tensor)] { [("W", weight), ("b", bias)] }

  /// The reconstruction `x'` `[batch, n]` of inputs `x` `[batch, n]`.
  public func callAsFunction(_ x: Tensor) -> Tensor {
    let hidden = x.matmul(weight.T)
    let out = hidden.matmul(weight, adding: bias)
    return activation == .relu ? out.relu() : out
  }

  /// The importance-weighted squared error, summed over features and averaged over the batch.
  public func loss(_ x: Tensor, importance: Tensor) -> Tensor {
    ((x - self(x)).square() * importance).sum(axis: 1).mean()
  }

  /// Feature importances `decay^i` for `i` in `0..<n` (the paper uses 0.7).
  public static func importance(featureCount: Int, decay: Double) -> [Double] {
    var values = [Double](repeating: 1, count: Swift.max(featureCount, 0))
    for i in values.indices.dropFirst() { values[i] = values[i - 1] * decay }
    return values
  }

  /// Trains on fresh batches from ``SparseFeatureData/superpositionInputs(batch:featureCount:sparsity:using:)``
  /// with AdamW, and returns the loss of every step.
  public func train(
    sparsity: Double, importance: [Double], steps: Int, batch: Int, learningRate: Float = 1e-3,
    weightDecay: Float = 0.01, rng: inout Xoshiro256
  ) throws -> [Double] {
    guard importance.count == featureCount else {
      throw DataError.invalidArgument("importance has \(importance.count) entries for \(featureCount) features")
    }
    guard (0..<1).contains(sparsity), steps >= 0, batch > 0 else {
      throw DataError.invalidArgument("training needs 0 ≤ sparsity < 1, steps ≥ 0 and batch > 0")
    }
    let weights = Tensor(importance.map(Float.init))
    let optimizer = AdamW(parameters: parameters, learningRate: learningRate, weightDecay: weightDecay)
    var losses: [Double] = []
    losses.reserveCapacity(steps)
    for _ in 0..<steps {
      let x = SparseFeatureData.superpositionInputs(
        batch: batch, featureCount: featureCount, sparsity: sparsity, using: &rng)
      optimizer.zeroGrad()
      let value = loss(x, importance: weights)
      value.backward()
      optimizer.step()
      losses.append(Double(value.item()))
    }
    return losses
  }

  /// The trained weights as plain numbers, `[m][n]`, for ``SuperpositionMetrics``.
  public var weightRows: [[Double]] {
    let flat = weight.detached().toArray()
    let n = featureCount
    return (0..<hiddenDimension).map { r in (0..<n).map { Double(flat[r * n + $0]) } }
  }
}
