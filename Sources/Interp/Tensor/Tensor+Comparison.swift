/// Comparison masks (1 where true, 0 where false; no gradient), clamping and selection.
extension Tensor {
  /// 1 where `self > other` (broadcast), else 0.
  public func greater(_ other: Tensor) -> Tensor { Tensor.broadcastMap(self, other, GreaterKernel.self, op: "greater") }
  /// 1 where `self >= other` (broadcast), else 0.
  public func greaterEqual(_ other: Tensor) -> Tensor {
    Tensor.broadcastMap(self, other, GreaterEqualKernel.self, op: "greaterEqual")
  }
  /// 1 where `self < other` (broadcast), else 0.
  public func less(_ other: Tensor) -> Tensor { Tensor.broadcastMap(self, other, LessKernel.self, op: "less") }
  /// 1 where `self <= other` (broadcast), else 0.
  public func lessEqual(_ other: Tensor) -> Tensor { Tensor.broadcastMap(self, other, LessEqualKernel.self, op: "lessEqual") }
  /// 1 where `self == other` (broadcast), else 0.
  public func equal(_ other: Tensor) -> Tensor { Tensor.broadcastMap(self, other, EqualKernel.self, op: "equal") }
  /// 1 where `self != other` (broadcast), else 0.
  public func notEqual(_ other: Tensor) -> Tensor { Tensor.broadcastMap(self, other, NotEqualKernel.self, op: "notEqual") }

  /// 1 where `self > value`, else 0.
  public func greater(_ value: Float) -> Tensor { greater(Tensor(value)) }
  /// 1 where `self < value`, else 0.
  public func less(_ value: Float) -> Tensor { less(Tensor(value)) }
  /// 1 where `self == value`, else 0.
  public func equal(_ value: Float) -> Tensor { equal(Tensor(value)) }

  /// Limits every element to `[min, max]`; the gradient passes where the input is inside.
  public func clamped(min low: Float = -.infinity, max high: Float = .infinity) -> Tensor {
    check(low <= high, "clamp: min \(low) is greater than max \(high)")
    let lowT = Tensor(low)
    let highT = Tensor(high)
    let x = detached()
    let value = Tensor.broadcastMap(
      Tensor.broadcastMap(x, lowT, MaximumKernel.self, op: "clamp"), highT, MinimumKernel.self, op: "clamp")
    return Tensor.record(value, op: "clamp", inputs: [self]) { g in
      let inside = Tensor.broadcastMap(
        Tensor.broadcastMap(x, lowT, GreaterEqualKernel.self, op: "clamp"),
        Tensor.broadcastMap(x, highT, LessEqualKernel.self, op: "clamp"), MulKernel.self, op: "clamp")
      return [g * inside]
    }
  }

  /// Elementwise choice: `a` where `mask` is non-zero, else `b` (all broadcast).
  public static func select(_ mask: Tensor, _ a: Tensor, _ b: Tensor) -> Tensor {
    let m = broadcastMap(mask.detached(), Tensor(0), NotEqualKernel.self, op: "select")
    return m * a + (1 - m) * b
  }

  /// Fraction of positions where `self` and `other` are equal (e.g. predicted vs true labels).
  public func fractionEqual(_ other: Tensor) -> Float { equal(other).mean().item() }
}
