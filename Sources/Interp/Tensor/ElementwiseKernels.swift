import Foundation

/// A scalar function of two floats, applied elementwise with broadcasting.
///
/// Kernels are types rather than closures so that the generic loops below are specialised and
/// inlined per kernel (no call per element).
@usableFromInline protocol BinaryKernel { static func apply(_ a: Float, _ b: Float) -> Float }

/// A scalar function of one float, applied elementwise.
@usableFromInline protocol UnaryKernel { static func apply(_ x: Float) -> Float }

enum AddKernel: BinaryKernel { @inline(__always) static func apply(_ a: Float, _ b: Float) -> Float { a + b } }
enum SubKernel: BinaryKernel { @inline(__always) static func apply(_ a: Float, _ b: Float) -> Float { a - b } }
enum MulKernel: BinaryKernel { @inline(__always) static func apply(_ a: Float, _ b: Float) -> Float { a * b } }
enum DivKernel: BinaryKernel { @inline(__always) static func apply(_ a: Float, _ b: Float) -> Float { a / b } }
enum PowKernel: BinaryKernel { @inline(__always) static func apply(_ a: Float, _ b: Float) -> Float { powf(a, b) } }
enum GreaterKernel: BinaryKernel { @inline(__always) static func apply(_ a: Float, _ b: Float) -> Float { a > b ? 1 : 0 } }
enum GreaterEqualKernel: BinaryKernel { @inline(__always) static func apply(_ a: Float, _ b: Float) -> Float { a >= b ? 1 : 0 } }
enum LessKernel: BinaryKernel { @inline(__always) static func apply(_ a: Float, _ b: Float) -> Float { a < b ? 1 : 0 } }
enum LessEqualKernel: BinaryKernel { @inline(__always) static func apply(_ a: Float, _ b: Float) -> Float { a <= b ? 1 : 0 } }
enum EqualKernel: BinaryKernel { @inline(__always) static func apply(_ a: Float, _ b: Float) -> Float { a == b ? 1 : 0 } }
enum NotEqualKernel: BinaryKernel { @inline(__always) static func apply(_ a: Float, _ b: Float) -> Float { a != b ? 1 : 0 } }
enum MaximumKernel: BinaryKernel { @inline(__always) static func apply(_ a: Float, _ b: Float) -> Float { a >= b ? a : b } }
enum MinimumKernel: BinaryKernel { @inline(__always) static func apply(_ a: Float, _ b: Float) -> Float { a <= b ? a : b } }
/// `g` where `x > 0`, else 0: the ReLU backward pass in one sweep (a = g, b = x).
enum ReluGradKernel: BinaryKernel { @inline(__always) static func apply(_ g: Float, _ x: Float) -> Float { x > 0 ? g : 0 } }
/// `g·sign(x)`: the `abs` backward pass (a = g, b = x).
enum SignGradKernel: BinaryKernel {
  @inline(__always) static func apply(_ g: Float, _ x: Float) -> Float { x > 0 ? g : (x < 0 ? -g : 0) }
}
/// `g·(1 − y²)` for `y = tanh(x)` (a = g, b = y).
enum TanhGradKernel: BinaryKernel { @inline(__always) static func apply(_ g: Float, _ y: Float) -> Float { g * (1 - y * y) } }
/// `g·y·(1 − y)` for `y = sigmoid(x)` (a = g, b = y).
enum SigmoidGradKernel: BinaryKernel { @inline(__always) static func apply(_ g: Float, _ y: Float) -> Float { g * y * (1 - y) } }

enum NegKernel: UnaryKernel { @inline(__always) static func apply(_ x: Float) -> Float { -x } }
enum ExpKernel: UnaryKernel { @inline(__always) static func apply(_ x: Float) -> Float { expf(x) } }
enum LogKernel: UnaryKernel { @inline(__always) static func apply(_ x: Float) -> Float { logf(x) } }
enum ReluKernel: UnaryKernel { @inline(__always) static func apply(_ x: Float) -> Float { x > 0 ? x : 0 } }
enum TanhKernel: UnaryKernel { @inline(__always) static func apply(_ x: Float) -> Float { tanhf(x) } }
enum SqrtKernel: UnaryKernel { @inline(__always) static func apply(_ x: Float) -> Float { x.squareRoot() } }
enum AbsKernel: UnaryKernel { @inline(__always) static func apply(_ x: Float) -> Float { Swift.abs(x) } }
enum SigmoidKernel: UnaryKernel {
  @inline(__always) static func apply(_ x: Float) -> Float {
    // Two branches keep expf from overflowing for large |x|.
    if x >= 0 { return 1 / (1 + expf(-x)) }
    let e = expf(x)
    return e / (1 + e)
  }
}
enum GeluKernel: UnaryKernel {
  @inline(__always) static func apply(_ x: Float) -> Float { 0.5 * x * (1 + erff(x * 0.70710678118654752)) }
}
/// Derivative of the exact GELU: `Φ(x) + x·φ(x)`.
enum GeluGradKernel: UnaryKernel {
  @inline(__always) static func apply(_ x: Float) -> Float {
    0.5 * (1 + erff(x * 0.70710678118654752)) + x * expf(-0.5 * x * x) * 0.39894228040143268
  }
}
enum GeluTanhKernel: UnaryKernel {
  @inline(__always) static func apply(_ x: Float) -> Float {
    0.5 * x * (1 + tanhf(0.79788456080286536 * (x + 0.044715 * x * x * x)))
  }
}
/// Derivative of the tanh-approximated GELU.
enum GeluTanhGradKernel: UnaryKernel {
  @inline(__always) static func apply(_ x: Float) -> Float {
    let inner = 0.79788456080286536 * (x + 0.044715 * x * x * x)
    let t = tanhf(inner)
    let dInner = 0.79788456080286536 * (1 + 3 * 0.044715 * x * x)
    return 0.5 * (1 + t) + 0.5 * x * (1 - t * t) * dInner
  }
}

extension Tensor {
  /// Strides that read `t` as if it had `shape` (0 on broadcast axes).
  static func broadcastStrides(_ t: Tensor, to shape: [Int]) -> [Int] {
    let lead = shape.count - t.rank
    var out = [Int](repeating: 0, count: shape.count)
    for i in 0..<t.rank where !(t.shape[i] == 1 && shape[lead + i] != 1) {
      out[lead + i] = t.strides[i]
    }
    return out
  }

  /// Applies kernel `K` to `a` and `b` with numpy broadcasting; no gradient recording.
  static func broadcastMap<K: BinaryKernel>(_ a: Tensor, _ b: Tensor, _: K.Type, op: String) -> Tensor {
    let outShape = ShapeMath.broadcast(a.shape, b.shape, op: op)
    let out = Tensor(uninitializedShape: outShape)
    let n = out.count
    if n == 0 { return out }
    let po = out.storage.pointer
    let pa = UnsafePointer(a.storage.pointer)
    let pb = UnsafePointer(b.storage.pointer)
    if a.shape == b.shape && a.isContiguous && b.isContiguous {
      let x = pa + a.offset
      let y = pb + b.offset
      Parallel.forEachChunk(n) { range in
        for i in range { po[i] = K.apply(x[i], y[i]) }
      }
      return out
    }
    let loop = StridedLoop(
      shape: outShape,
      strides: [out.strides, broadcastStrides(a, to: outShape), broadcastStrides(b, to: outShape)])
    let m = loop.innerCount
    let ia = loop.innerStride(1)
    let ib = loop.innerStride(2)
    Parallel.forEachChunk(loop.outerCount, elementsPerItem: m) { runs in
    loop.forEachRun(runs, 0, a.offset, b.offset) { o, xo, yo in
      let op = po + o
      let x = pa + xo
      let y = pb + yo
      if ia == 1 && ib == 1 {
        for i in 0..<m { op[i] = K.apply(x[i], y[i]) }
      } else if ia == 1 && ib == 0 {
        let s = y[0]
        for i in 0..<m { op[i] = K.apply(x[i], s) }
      } else if ia == 0 && ib == 1 {
        let s = x[0]
        for i in 0..<m { op[i] = K.apply(s, y[i]) }
      } else {
        for i in 0..<m { op[i] = K.apply(x[i * ia], y[i * ib]) }
      }
    }
    }
    return out
  }

  /// Applies kernel `K` to every element; no gradient recording.
  static func unaryMap<K: UnaryKernel>(_ a: Tensor, _: K.Type) -> Tensor {
    let dense = a.detached().contiguous()
    let out = Tensor(uninitializedShape: a.shape)
    let n = out.count
    let x = UnsafePointer(dense.basePointer)
    let po = out.storage.pointer
    Parallel.forEachChunk(n) { range in
      for i in range { po[i] = K.apply(x[i]) }
    }
    return out
  }
}
