/// Shape-changing operations. Each returns a view of the same storage when the layout allows
/// (always for permutes and expands; for reshapes of contiguous tensors) and records gradients.
extension Tensor {
  /// The same elements in `newShape` (one entry may be `-1`); a view when contiguous.
  public func reshaped(_ newShape: [Int]) -> Tensor {
    let target = ShapeMath.resolveReshape(newShape, count: count, from: shape)
    if target == shape { return self }
    let dense = detached().contiguous()
    let value = Tensor(
      storage: dense.storage, shape: target, strides: ShapeMath.contiguousStrides(target), offset: dense.offset)
    let original = shape
    return Tensor.record(value, op: "reshape", inputs: [self]) { g in [g.reshaped(original)] }
  }

  /// Flattens to one axis.
  public func flattened() -> Tensor { reshaped([-1]) }

  /// Reorders the axes: result axis `i` is input axis `axes[i]` (a view).
  public func permuted(_ axes: [Int]) -> Tensor {
    check(
      axes.count == rank && Set(axes.map { ShapeMath.axis($0, rank: rank, op: "permute") }).count == rank,
      "permute: \(axes) is not a permutation of the \(rank) axes of shape \(shape)")
    let resolved = axes.map { ShapeMath.axis($0, rank: rank, op: "permute") }
    let value = Tensor(
      storage: storage, shape: resolved.map { shape[$0] }, strides: resolved.map { strides[$0] }, offset: offset)
    var inverse = [Int](repeating: 0, count: rank)
    for (i, a) in resolved.enumerated() { inverse[a] = i }
    return Tensor.record(value, op: "permute", inputs: [self]) { g in [g.permuted(inverse)] }
  }

  /// Swaps two axes (a view).
  public func transposed(_ axis0: Int = -2, _ axis1: Int = -1) -> Tensor {
    let a = ShapeMath.axis(axis0, rank: rank, op: "transpose")
    let b = ShapeMath.axis(axis1, rank: rank, op: "transpose")
    var order = Array(0..<rank)
    order.swapAt(a, b)
    return permuted(order)
  }

  /// The transpose of a matrix (axes reversed, as in numpy's `.T`).
  public var T: Tensor { permuted(Array((0..<rank).reversed())) }

  /// Swaps the last two axes (batched matrix transpose).
  public var mT: Tensor { transposed(-2, -1) }

  /// Inserts an axis of size 1 at `axis` (a view).
  public func unsqueezed(_ axis: Int) -> Tensor {
    let a = ShapeMath.axis(axis, rank: rank + 1, op: "unsqueeze")
    var newShape = shape
    newShape.insert(1, at: a)
    return reshapedView(newShape, insertingAt: a)
  }

  /// Removes the axis `axis`, which must have size 1 (a view).
  public func squeezed(_ axis: Int) -> Tensor {
    let a = ShapeMath.axis(axis, rank: rank, op: "squeeze")
    check(shape[a] == 1, "squeeze: axis \(axis) of shape \(shape) has size \(shape[a]), not 1")
    var newShape = shape
    newShape.remove(at: a)
    var newStrides = strides
    newStrides.remove(at: a)
    let value = Tensor(storage: storage, shape: newShape, strides: newStrides, offset: offset)
    let original = shape
    return Tensor.record(value, op: "squeeze", inputs: [self]) { g in [g.reshaped(original)] }
  }

  private func reshapedView(_ newShape: [Int], insertingAt a: Int) -> Tensor {
    var newStrides = strides
    newStrides.insert(a < rank ? strides[a] * shape[a] : 1, at: a)
    let value = Tensor(storage: storage, shape: newShape, strides: newStrides, offset: offset)
    let original = shape
    return Tensor.record(value, op: "unsqueeze", inputs: [self]) { g in [g.reshaped(original)] }
  }

  /// Broadcasts to `newShape` without copying (stride 0 on stretched axes).
  public func expanded(to newShape: [Int]) -> Tensor {
    let target = ShapeMath.broadcast(shape, newShape, op: "expand")
    check(target == newShape, "expand: shape \(shape) cannot be expanded to \(newShape)")
    let value = Tensor(
      storage: storage, shape: newShape, strides: Tensor.broadcastStrides(self, to: newShape), offset: offset)
    let original = shape
    return Tensor.record(value, op: "expand", inputs: [self]) { g in [g.sum(toShape: original)] }
  }
}
