/// Updates parameters in place from their accumulated gradients.
///
/// Optimisers hold the parameter tensors (which share storage with the modules that own them,
/// see ``Tensor``), so `step()` changes the model directly. Parameters whose `grad` is `nil`
/// are skipped, as in PyTorch.
///
/// ```swift
/// let optimizer = Adam(parameters: model.parameters, learningRate: 1e-3)
/// for step in 0..<1000 {
///   optimizer.zeroGrad()
///   let loss = model(x).crossEntropy(targets: y)
///   loss.backward()
///   optimizer.step()
/// }
/// ```
public protocol Optimizer: AnyObject {
  /// The parameters updated by ``step()``.
  var parameters: [Tensor] { get }
  /// The step size; may be changed between steps for schedules.
  var learningRate: Float { get set }
  /// Applies one update from the current gradients.
  func step()
}

extension Optimizer {
  /// Clears the gradients of all parameters.
  public func zeroGrad() {
    for p in parameters { p.zeroGrad() }
  }
}

extension Tensor {
  /// Runs `body` with a pointer to a parameter's elements for an in-place update.
  ///
  /// Parameters are dense with their own storage (see ``requiresGrad``), so the pointer covers
  /// exactly `count` elements shared by every copy of the parameter.
  func withParameterPointer<R>(_ body: (UnsafeMutablePointer<Float>) -> R) -> R {
    check(
      node?.isLeaf == true && isContiguous,
      "optimizer: tensor of shape \(shape) is not a parameter (set requiresGrad on a leaf tensor)")
    return body(storage.pointer + offset)
  }
}
