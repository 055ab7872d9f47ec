/// One entry of a tensor subscript: an integer (removes the axis), a range, or ``all``.
public protocol TensorIndexExpression {
  /// The element range selected on an axis of `size`, and whether the axis is kept.
  func resolve(size: Int) -> (range: Range<Int>, keepsAxis: Bool)
}

extension Int: TensorIndexExpression {
  public func resolve(size: Int) -> (range: Range<Int>, keepsAxis: Bool) {
    let i = self < 0 ? self + size : self
    check(i >= 0 && i < size, "index \(self) is out of bounds for an axis of size \(size)")
    return (i..<(i + 1), false)
  }
}

extension Range: TensorIndexExpression where Bound == Int {
  public func resolve(size: Int) -> (range: Range<Int>, keepsAxis: Bool) {
    check(lowerBound >= 0 && upperBound <= size, "range \(self) is out of bounds for an axis of size \(size)")
    return (self, true)
  }
}

extension ClosedRange: TensorIndexExpression where Bound == Int {
  public func resolve(size: Int) -> (range: Range<Int>, keepsAxis: Bool) {
    Range(uncheckedBounds: (lowerBound, upperBound + 1)).resolve(size: size)
  }
}

extension PartialRangeFrom: TensorIndexExpression where Bound == Int {
  public func resolve(size: Int) -> (range: Range<Int>, keepsAxis: Bool) { (lowerBound..<size).resolve(size: size) }
}

extension PartialRangeUpTo: TensorIndexExpression where Bound == Int {
  public func resolve(size: Int) -> (range: Range<Int>, keepsAxis: Bool) { (0..<upperBound).resolve(size: size) }
}

/// Selects a whole axis in a subscript: `t[TensorIndex.all, 0]`, or `t[.all, 0]`.
public struct TensorIndex: TensorIndexExpression {
  /// The whole axis.
  public static let all = TensorIndex()
  public func resolve(size: Int) -> (range: Range<Int>, keepsAxis: Bool) { (0..<size, true) }
}

extension TensorIndexExpression where Self == TensorIndex {
  /// The whole axis.
  public static var all: TensorIndex { TensorIndex() }
}

extension Tensor {
  /// A view selected by one entry per leading axis; integers drop their axis, ranges keep it.
  ///
  /// ```swift
  /// let row = x[0]           // shape [n]
  /// let block = x[1..<3, .all]
  /// x[0, 2..<4] = Tensor([5, 6])   // writes in place (copy-on-write)
  /// ```
  public subscript(_ indices: any TensorIndexExpression...) -> Tensor {
    get { indexed(indices) }
    set { assignRegion(indices, newValue) }
  }

  /// The slice `range` along `axis` (a view).
  public func slice(axis: Int, _ range: Range<Int>) -> Tensor {
    let a = ShapeMath.axis(axis, rank: rank, op: "slice")
    var entries: [any TensorIndexExpression] = Array(repeating: TensorIndex.all, count: a)
    entries.append(range)
    return indexed(entries)
  }

  /// Element `index` along `axis`, with that axis removed (a view).
  public func select(axis: Int, _ index: Int) -> Tensor {
    let a = ShapeMath.axis(axis, rank: rank, op: "select")
    var entries: [any TensorIndexExpression] = Array(repeating: TensorIndex.all, count: a)
    entries.append(index)
    return indexed(entries)
  }

  /// The view for `indices` and the info the backward pass needs to scatter back.
  private func region(_ indices: [any TensorIndexExpression]) -> (view: Tensor, keptView: Tensor) {
    check(indices.count <= rank, "subscript: \(indices.count) indices for a tensor of shape \(shape)")
    var newShape: [Int] = []
    var newStrides: [Int] = []
    var keptShape = shape
    var newOffset = offset
    for axis in 0..<rank {
      let (range, keep) = axis < indices.count ? indices[axis].resolve(size: shape[axis]) : (0..<shape[axis], true)
      newOffset += range.lowerBound * strides[axis]
      keptShape[axis] = range.count
      if keep {
        newShape.append(range.count)
        newStrides.append(strides[axis])
      }
    }
    let view = Tensor(storage: storage, shape: newShape, strides: newStrides, offset: newOffset)
    let kept = Tensor(storage: storage, shape: keptShape, strides: strides, offset: newOffset)
    return (view, kept)
  }

  private func indexed(_ indices: [any TensorIndexExpression]) -> Tensor {
    let (view, kept) = region(indices)
    let inputShape = shape
    let keptShape = kept.shape
    // Where the selected block starts inside the input, per axis.
    var starts: [Int] = []
    for axis in 0..<rank {
      starts.append(axis < indices.count ? indices[axis].resolve(size: shape[axis]).range.lowerBound : 0)
    }
    return Tensor.record(view, op: "index", inputs: [self]) { g in
      let full = Tensor.zeros(inputShape)
      var offsetInFull = 0
      for axis in 0..<inputShape.count { offsetInFull += starts[axis] * full.strides[axis] }
      let target = Tensor(storage: full.storage, shape: keptShape, strides: full.strides, offset: offsetInFull)
      Tensor.copyElements(
        from: g.reshaped(keptShape), into: target.storage.pointer + target.offset, strides: target.strides)
      return [full]
    }
  }

  private mutating func assignRegion(_ indices: [any TensorIndexExpression], _ value: Tensor) {
    makeStorageUnique()
    let (view, _) = region(indices)
    let source = value.expanded(to: ShapeMath.broadcast(view.shape, value.shape, op: "subscript assignment"))
    check(
      source.shape == view.shape,
      "subscript assignment: value of shape \(value.shape) does not fit region of shape \(view.shape)")
    Tensor.copyElements(from: source.detached(), into: view.storage.pointer + view.offset, strides: view.strides)
  }

  /// Overwrites every element with `value`'s (broadcast), in place.
  ///
  /// On a parameter this updates all copies (see the type documentation); gradients are not
  /// recorded.
  public mutating func assign(_ value: Tensor) {
    makeStorageUnique()
    let source = value.detached().expanded(to: ShapeMath.broadcast(shape, value.shape, op: "assign"))
    check(source.shape == shape, "assign: value of shape \(value.shape) does not fit shape \(shape)")
    Tensor.copyElements(from: source, into: storage.pointer + offset, strides: strides)
  }
}
