/// Stochastic gradient descent with optional momentum, Nesterov momentum and L2 weight decay.
///
/// Matches `torch.optim.SGD`: `g ← g + λp`; `b ← μb + g` (the first step sets `b = g`);
/// the update direction is `b`, or `g + μb` with Nesterov; `p ← p − lr·direction`.
public final class SGD: Optimizer {
  public let parameters: [Tensor]
  public var learningRate: Float
  /// Momentum factor `μ` (0 disables momentum).
  public var momentum: Float
  /// L2 penalty factor `λ` added to the gradient.
  public var weightDecay: Float
  /// Whether to use Nesterov momentum.
  public var nesterov: Bool
  private var buffers: [TensorStorage?]

  public init(
    parameters: [Tensor], learningRate: Float, momentum: Float = 0, weightDecay: Float = 0, nesterov: Bool = false
  ) {
    self.parameters = parameters
    self.learningRate = learningRate
    self.momentum = momentum
    self.weightDecay = weightDecay
    self.nesterov = nesterov
    buffers = Array(repeating: nil, count: parameters.count)
  }

  public func step() {
    for (index, parameter) in parameters.enumerated() {
      guard let gradTensor = parameter.grad?.contiguous() else { continue }
      let n = parameter.count
      let g = UnsafePointer(gradTensor.basePointer)
      let lr = learningRate
      let mu = momentum
      let wd = weightDecay
      let useNesterov = nesterov
      var isFirst = false
      if mu != 0 && buffers[index] == nil {
        buffers[index] = TensorStorage(count: n)
        isFirst = true
      }
      let buffer = buffers[index]?.pointer
      parameter.withParameterPointer { p in
        for i in 0..<n {
          var d = g[i] + wd * p[i]
          if let b = buffer {
            b[i] = isFirst ? d : mu * b[i] + d
            d = useNesterov ? d + mu * b[i] : b[i]
          }
          p[i] -= lr * d
        }
      }
    }
  }
}
