/// Shape arithmetic shared by the tensor operations.
///
/// Every failure is a programmer error in the calling experiment code, so it stops with a
/// `check` whose message names the operation and the shapes involved.
@usableFromInline
enum ShapeMath {
  /// Row-major strides for `shape` (the last axis has stride 1).
  @usableFromInline
  static func contiguousStrides(_ shape: [Int]) -> [Int] {
    var strides = [Int](repeating: 1, count: shape.count)
    var running = 1
    var i = shape.count - 1
    while i >= 0 {
      strides[i] = running
      running *= shape[i]
      i -= 1
    }
    return strides
  }

  /// Number of elements in a tensor of `shape` (1 for a scalar).
  @usableFromInline
  static func count(_ shape: [Int]) -> Int {
    var n = 1
    for d in shape { n *= d }
    return n
  }

  /// The broadcast shape of `a` and `b` under numpy rules (align on the right; 1 stretches).
  static func broadcast(_ a: [Int], _ b: [Int], op: String) -> [Int] {
    if a == b { return a }
    let rank = max(a.count, b.count)
    var out = [Int](repeating: 1, count: rank)
    for i in 0..<rank {
      let da = i < rank - a.count ? 1 : a[i - (rank - a.count)]
      let db = i < rank - b.count ? 1 : b[i - (rank - b.count)]
      check(
        da == db || da == 1 || db == 1,
        "\(op): shapes \(a) and \(b) cannot be broadcast together (axis \(i - rank) has \(da) vs \(db))"
      )
      out[i] = da == 1 ? db : da
    }
    return out
  }

  /// Turns a possibly negative axis into `0..<rank`, stopping with a clear message otherwise.
  @usableFromInline
  static func axis(_ axis: Int, rank: Int, op: String) -> Int {
    let a = axis < 0 ? axis + rank : axis
    check(a >= 0 && a < rank, "\(op): axis \(axis) is out of range for a tensor of rank \(rank)")
    return a
  }

  /// Resolves a reshape target that may contain one `-1`.
  static func resolveReshape(_ target: [Int], count: Int, from shape: [Int]) -> [Int] {
    var out = target
    let unknown = target.indices.filter { target[$0] == -1 }
    check(unknown.count <= 1, "reshape: at most one -1 allowed in \(target)")
    let known = target.filter { $0 != -1 }.reduce(1, *)
    if let u = unknown.first {
      check(
        known > 0 && count % known == 0,
        "reshape: cannot reshape tensor of shape \(shape) (\(count) elements) into \(target)")
      out[u] = count / known
    }
    check(
      out.allSatisfy { $0 >= 0 } && ShapeMath.count(out) == count,
      "reshape: cannot reshape tensor of shape \(shape) (\(count) elements) into \(target)")
    return out
  }
}
