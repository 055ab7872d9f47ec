/// The fused Adam/AdamW update of one parameter, eight lanes at a time.
///
/// Written with `SIMD8<Float>` because the compiler leaves the scalar loop unvectorised (four
/// pointers that may alias). Each lane does exactly the scalar arithmetic, in the same order,
/// so results do not depend on where a parameter's elements fall in a vector.
struct AdamKernel {
  var beta1: Float
  var beta2: Float
  var epsilon: Float
  /// Coupled (L2) weight decay added to the gradient; 0 for AdamW.
  var l2: Float
  /// Decoupled shrink factor `1 − lr·λ`; 1 for Adam.
  var shrink: Float
  /// `lr / (1 − β₁ᵗ)`.
  var stepSize: Float
  /// `√(1 − β₂ᵗ)`.
  var correction2Root: Float

  /// Updates `n` elements of parameter `p` and its moments `m`, `v` from gradient `g`.
  func apply(
    p: UnsafeMutablePointer<Float>, m: UnsafeMutablePointer<Float>, v: UnsafeMutablePointer<Float>,
    g: UnsafePointer<Float>, count n: Int
  ) {
    var i = 0
    let width = 8
    let raw = (p: UnsafeMutableRawPointer(p), m: UnsafeMutableRawPointer(m), v: UnsafeMutableRawPointer(v))
    let rawG = UnsafeRawPointer(g)
    let (b1, b2, oneMinusB1, oneMinusB2) = (SIMD8(repeating: beta1), SIMD8(repeating: beta2),
      SIMD8(repeating: 1 - beta1), SIMD8(repeating: 1 - beta2))
    let (decay, keep, step, root, eps) = (SIMD8(repeating: l2), SIMD8(repeating: shrink), SIMD8(repeating: stepSize),
      SIMD8(repeating: correction2Root), SIMD8(repeating: epsilon))
    while i + width <= n {
      let byteOffset = i * MemoryLayout<Float>.stride
      let pi = raw.p.loadUnaligned(fromByteOffset: byteOffset, as: SIMD8<Float>.self)
      let gi = rawG.loadUnaligned(fromByteOffset: byteOffset, as: SIMD8<Float>.self) + decay * pi
      let mi = b1 * raw.m.loadUnaligned(fromByteOffset: byteOffset, as: SIMD8<Float>.self) + oneMinusB1 * gi
      let vi = b2 * raw.v.loadUnaligned(fromByteOffset: byteOffset, as: SIMD8<Float>.self) + oneMinusB2 * gi * gi
      raw.m.storeBytes(of: mi, toByteOffset: byteOffset, as: SIMD8<Float>.self)
      raw.v.storeBytes(of: vi, toByteOffset: byteOffset, as: SIMD8<Float>.self)
      let updated = pi * keep - step * mi / (vi.squareRoot() / root + eps)
      raw.p.storeBytes(of: updated, toByteOffset: byteOffset, as: SIMD8<Float>.self)
      i += width
    }
    while i < n {
      let gi = g[i] + l2 * p[i]
      let mi = beta1 * m[i] + (1 - beta1) * gi
      let vi = beta2 * v[i] + (1 - beta2) * gi * gi
      m[i] = mi
      v[i] = vi
      p[i] = p[i] * shrink - stepSize * mi / (vi.squareRoot() / correction2Root + epsilon)
      i += 1
    }
  }
}
