/// Scales all gradients together so that their global L2 norm is at most `maxNorm`.
///
/// Matches `torch.nn.utils.clip_grad_norm_`: the total norm is computed over every parameter's
/// gradient as one vector; if it exceeds `maxNorm`, each gradient is multiplied by
/// `maxNorm / (norm + 1e-6)`. Parameters without a gradient are ignored.
///
/// - Returns: The total norm before clipping.
@discardableResult
public func clipGradientNorm(_ parameters: [Tensor], maxNorm: Float) -> Float {
  var total: Double = 0
  for p in parameters {
    guard let g = p.grad?.contiguous() else { continue }
    let x = UnsafePointer(g.basePointer)
    var sum: Float = 0
    for i in 0..<g.count { sum += x[i] * x[i] }
    total += Double(sum)
  }
  let norm = Float(total.squareRoot())
  if norm > maxNorm {
    let scale = maxNorm / (norm + 1e-6)
    for p in parameters {
      guard let g = p.grad else { continue }
      p.grad = withNoGrad { g * scale }
    }
  }
  return norm
}
