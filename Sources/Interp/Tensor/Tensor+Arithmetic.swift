/// Elementwise arithmetic with numpy broadcasting and gradients.
///
/// Shapes are aligned on the right and axes of size 1 stretch; incompatible shapes stop with
/// a message such as `add: shapes [2, 3] and [4] cannot be broadcast together`. Gradients of
/// broadcast operands are summed back to their own shape.
extension Tensor {
  public static func + (a: Tensor, b: Tensor) -> Tensor {
    let value = broadcastMap(a, b, AddKernel.self, op: "add")
    let (sa, sb) = (a.shape, b.shape)
    return record(value, op: "add", inputs: [a, b]) { g in [g.sum(toShape: sa), g.sum(toShape: sb)] }
  }

  public static func - (a: Tensor, b: Tensor) -> Tensor {
    let value = broadcastMap(a, b, SubKernel.self, op: "subtract")
    let (sa, sb) = (a.shape, b.shape)
    let needB = b.node != nil
    return record(value, op: "subtract", inputs: [a, b]) { g in
      [g.sum(toShape: sa), needB ? (-g).sum(toShape: sb) : nil]
    }
  }

  public static func * (a: Tensor, b: Tensor) -> Tensor {
    let value = broadcastMap(a, b, MulKernel.self, op: "multiply")
    let (av, bv) = (a.detached(), b.detached())
    let (needA, needB) = (a.node != nil, b.node != nil)
    return record(value, op: "multiply", inputs: [a, b]) { g in
      [needA ? (g * bv).sum(toShape: av.shape) : nil, needB ? (g * av).sum(toShape: bv.shape) : nil]
    }
  }

  public static func / (a: Tensor, b: Tensor) -> Tensor {
    let value = broadcastMap(a, b, DivKernel.self, op: "divide")
    let (av, bv) = (a.detached(), b.detached())
    let (needA, needB) = (a.node != nil, b.node != nil)
    return record(value, op: "divide", inputs: [a, b]) { g in
      [
        needA ? (g / bv).sum(toShape: av.shape) : nil,
        needB ? (-(g * av) / (bv * bv)).sum(toShape: bv.shape) : nil,
      ]
    }
  }

  public static prefix func - (a: Tensor) -> Tensor {
    record(unaryMap(a, NegKernel.self), op: "negate", inputs: [a]) { g in [-g] }
  }

  public static func + (a: Tensor, s: Float) -> Tensor { a + Tensor(s) }
  public static func + (s: Float, a: Tensor) -> Tensor { Tensor(s) + a }
  public static func - (a: Tensor, s: Float) -> Tensor { a - Tensor(s) }
  public static func - (s: Float, a: Tensor) -> Tensor { Tensor(s) - a }
  public static func * (a: Tensor, s: Float) -> Tensor { a * Tensor(s) }
  public static func * (s: Float, a: Tensor) -> Tensor { Tensor(s) * a }
  public static func / (a: Tensor, s: Float) -> Tensor { a / Tensor(s) }
  public static func / (s: Float, a: Tensor) -> Tensor { Tensor(s) / a }

  public static func += (a: inout Tensor, b: Tensor) { a = a + b }
  public static func -= (a: inout Tensor, b: Tensor) { a = a - b }
  public static func *= (a: inout Tensor, b: Tensor) { a = a * b }
  public static func /= (a: inout Tensor, b: Tensor) { a = a / b }

  /// Elementwise `self` raised to `exponent`.
  public func pow(_ exponent: Float) -> Tensor {
    let value = Tensor.broadcastMap(self, Tensor(exponent), PowKernel.self, op: "pow")
    let x = detached()
    return Tensor.record(value, op: "pow", inputs: [self]) { g in
      [g * exponent * Tensor.broadcastMap(x, Tensor(exponent - 1), PowKernel.self, op: "pow")]
    }
  }

  /// Elementwise larger of `self` and `other` (ties send the gradient to `self`).
  public func maximum(_ other: Tensor) -> Tensor {
    let value = Tensor.broadcastMap(self, other, MaximumKernel.self, op: "maximum")
    let (a, b) = (detached(), other.detached())
    return Tensor.record(value, op: "maximum", inputs: [self, other]) { g in
      let pickA = Tensor.broadcastMap(a, b, GreaterEqualKernel.self, op: "maximum")
      return [(g * pickA).sum(toShape: a.shape), (g * (1 - pickA)).sum(toShape: b.shape)]
    }
  }

  /// Elementwise smaller of `self` and `other` (ties send the gradient to `self`).
  public func minimum(_ other: Tensor) -> Tensor {
    let value = Tensor.broadcastMap(self, other, MinimumKernel.self, op: "minimum")
    let (a, b) = (detached(), other.detached())
    return Tensor.record(value, op: "minimum", inputs: [self, other]) { g in
      let pickA = Tensor.broadcastMap(a, b, LessEqualKernel.self, op: "minimum")
      return [(g * pickA).sum(toShape: a.shape), (g * (1 - pickA)).sum(toShape: b.shape)]
    }
  }

  /// Sums a broadcast gradient back down to `target` (the inverse of broadcasting).
  public func sum(toShape target: [Int]) -> Tensor {
    if shape == target { return self }
    let lead = rank - target.count
    check(lead >= 0, "sum(toShape:): cannot reduce shape \(shape) to larger rank \(target)")
    var axes = Array(0..<lead)
    for i in 0..<target.count where target[i] == 1 && shape[lead + i] != 1 { axes.append(lead + i) }
    var reduced = axes.isEmpty ? self : sum(axes: axes, keepDims: true)
    if lead > 0 || reduced.shape != target { reduced = reduced.reshaped(target) }
    return reduced
  }
}
