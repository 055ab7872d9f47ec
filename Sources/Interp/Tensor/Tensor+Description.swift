extension Tensor: CustomStringConvertible {
  /// A numpy-like rendering; large tensors show only their shape and first elements.
  public var description: String {
    let values = toArray()
    let shown = values.prefix(64).map { "\($0)" }.joined(separator: ", ")
    let more = values.count > 64 ? ", … (\(values.count) elements)" : ""
    let grad = requiresGrad ? ", requiresGrad" : ""
    return "Tensor(shape: \(shape)\(grad), [\(shown)\(more)])"
  }
}
