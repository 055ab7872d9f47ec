/// Joining tensors along an axis.
extension Tensor {
  /// Joins `tensors` along existing axis `axis`; all other axes must agree.
  public static func concat(_ tensors: [Tensor], axis: Int = 0) -> Tensor {
    check(!tensors.isEmpty, "concat: needs at least one tensor")
    let first = tensors[0]
    let a = ShapeMath.axis(axis, rank: first.rank, op: "concat")
    for t in tensors {
      var expected = first.shape
      expected[a] = t.rank == first.rank ? t.shape[a] : -1
      check(
        t.shape == expected,
        "concat: shapes \(first.shape) and \(t.shape) differ outside axis \(axis)")
    }
    let sizes = tensors.map { $0.shape[a] }
    var outShape = first.shape
    outShape[a] = sizes.reduce(0, +)
    let out = Tensor(uninitializedShape: outShape)
    var start = 0
    for t in tensors {
      copyElements(
        from: t.detached(), into: out.storage.pointer + start * out.strides[a], strides: out.strides)
      start += t.shape[a]
    }
    return record(out, op: "concat", inputs: tensors) { g in
      var pieces: [Tensor?] = []
      var begin = 0
      for size in sizes {
        pieces.append(g.slice(axis: a, begin..<(begin + size)))
        begin += size
      }
      return pieces
    }
  }

  /// Stacks equally shaped `tensors` along a new axis `axis`.
  public static func stack(_ tensors: [Tensor], axis: Int = 0) -> Tensor {
    check(!tensors.isEmpty, "stack: needs at least one tensor")
    let shape = tensors[0].shape
    for t in tensors {
      check(t.shape == shape, "stack: shapes \(shape) and \(t.shape) differ")
    }
    let a = ShapeMath.axis(axis, rank: shape.count + 1, op: "stack")
    return concat(tensors.map { $0.unsqueezed(a) }, axis: a)
  }
}
