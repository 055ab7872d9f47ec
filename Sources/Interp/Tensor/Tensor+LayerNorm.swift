/// Layer normalisation over the last axis, with a fused forward and backward pass.
extension Tensor {
  /// Normalises each row of the last axis to zero mean and unit variance, then scales by
  /// `weight` and shifts by `bias` (each of shape `[d]`, optional).
  ///
  /// `y = (x − mean) / sqrt(var + eps) · weight + bias`, with the biased variance, as
  /// `torch.nn.functional.layer_norm`.
  public func layerNorm(weight: Tensor? = nil, bias: Tensor? = nil, eps: Float = 1e-5) -> Tensor {
    check(rank >= 1, "layerNorm: needs rank ≥ 1, got shape \(shape)")
    let d = shape[rank - 1]
    if let weight { check(weight.shape == [d], "layerNorm: weight shape \(weight.shape) does not match input shape \(shape) (expected [\(d)])") }
    if let bias { check(bias.shape == [d], "layerNorm: bias shape \(bias.shape) does not match input shape \(shape) (expected [\(d)])") }
    let x = detached().contiguous()
    let rows = d == 0 ? 0 : count / d
    let xhat = Tensor(uninitializedShape: shape)
    let rstd = Tensor(uninitializedShape: [rows])
    let src = UnsafePointer(x.basePointer)
    let ph = xhat.storage.pointer
    let pr = rstd.storage.pointer
    for r in 0..<rows {
      let xr = src + r * d
      var mean: Float = 0
      for j in 0..<d { mean += xr[j] }
      mean /= Float(d)
      var variance: Float = 0
      for j in 0..<d {
        let c = xr[j] - mean
        variance += c * c
      }
      variance /= Float(d)
      let s = 1 / (variance + eps).squareRoot()
      pr[r] = s
      let hr = ph + r * d
      for j in 0..<d { hr[j] = (xr[j] - mean) * s }
    }
    var y = xhat
    if let weight { y = Tensor.broadcastMap(y, weight.detached(), MulKernel.self, op: "layerNorm") }
    if let bias { y = Tensor.broadcastMap(y, bias.detached(), AddKernel.self, op: "layerNorm") }
    let w = weight?.detached()
    let inputs = [self] + (weight.map { [$0] } ?? []) + (bias.map { [$0] } ?? [])
    let hasWeight = weight != nil
    let hasBias = bias != nil
    return Tensor.record(y, op: "layerNorm", inputs: inputs) { g in
      let g2 = g.contiguous().reshaped([rows, d])
      var grads: [Tensor?] = []
      let gxhat = w.map { g2 * $0 } ?? g2
      let gx = Tensor.layerNormInputGrad(gxhat.contiguous(), xhat, rstd, rows: rows, d: d)
      grads.append(gx.reshaped(xhat.shape))
      if hasWeight { grads.append((g2 * xhat.reshaped([rows, d])).sum(axis: 0)) }
      if hasBias { grads.append(g2.sum(axis: 0)) }
      return grads
    }
  }

  /// `rstd · (ĝ − mean(ĝ) − x̂·mean(ĝ·x̂))` per row.
  private static func layerNormInputGrad(_ gxhat: Tensor, _ xhat: Tensor, _ rstd: Tensor, rows: Int, d: Int)
    -> Tensor
  {
    let out = Tensor(uninitializedShape: [rows, d])
    let pg = UnsafePointer(gxhat.basePointer)
    let ph = UnsafePointer(xhat.basePointer)
    let pr = UnsafePointer(rstd.basePointer)
    let po = out.storage.pointer
    for r in 0..<rows {
      let gr = pg + r * d
      let hr = ph + r * d
      var meanG: Float = 0
      var meanGH: Float = 0
      for j in 0..<d {
        meanG += gr[j]
        meanGH += gr[j] * hr[j]
      }
      meanG /= Float(d)
      meanGH /= Float(d)
      let s = pr[r]
      let orow = po + r * d
      for j in 0..<d { orow[j] = s * (gr[j] - meanG - hr[j] * meanGH) }
    }
    return out
  }
}
