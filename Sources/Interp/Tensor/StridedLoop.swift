/// Iterates a shape over several strided operands, one innermost run at a time.
///
/// Axes of size 1 are dropped and adjacent axes that are contiguous for *every* operand are
/// merged, so a dense tensor becomes a single run and a row-broadcast becomes `rows` runs. The
/// per-run callback keeps closure overhead out of the per-element loops.
@usableFromInline
struct StridedLoop {
  /// Coalesced shape; the last axis is the inner run. Never empty.
  var shape: [Int]
  /// Coalesced strides, one array per operand.
  var strides: [[Int]]

  init(shape: [Int], strides operandStrides: [[Int]]) {
    var keptShape: [Int] = []
    var kept: [[Int]] = Array(repeating: [], count: operandStrides.count)
    for axis in shape.indices where shape[axis] != 1 {
      keptShape.append(shape[axis])
      for k in operandStrides.indices { kept[k].append(operandStrides[k][axis]) }
    }
    if keptShape.isEmpty {
      self.shape = [1]
      self.strides = kept.map { _ in [1] }
      return
    }
    // Merge from the back: axis i folds into i+1 when contiguous for all operands.
    var mergedShape = [keptShape[keptShape.count - 1]]
    var merged = kept.map { [$0[$0.count - 1]] }
    var i = keptShape.count - 2
    while i >= 0 {
      let canMerge = kept.indices.allSatisfy { k in kept[k][i] == merged[k][0] * mergedShape[0] }
      if canMerge {
        mergedShape[0] *= keptShape[i]
      } else {
        mergedShape.insert(keptShape[i], at: 0)
        for k in kept.indices { merged[k].insert(kept[k][i], at: 0) }
      }
      i -= 1
    }
    self.shape = mergedShape
    self.strides = merged
  }

  /// Length of each inner run.
  var innerCount: Int { shape[shape.count - 1] }

  /// Inner-run stride of operand `k`.
  func innerStride(_ k: Int) -> Int { strides[k][shape.count - 1] }

  /// Number of inner runs (product of all but the last coalesced axis).
  var outerCount: Int { shape.dropLast().reduce(1, *) }

  /// Calls `body(o0, o1)` with each run's starting offsets for two operands.
  @inline(__always)
  func forEachRun(_ base0: Int, _ base1: Int, _ body: (Int, Int) -> Void) {
    forEachRun(0..<outerCount, base0, base1, 0) { a, b, _ in body(a, b) }
  }

  /// Calls `body(o0, o1, o2)` with each run's starting offsets for three operands.
  @inline(__always)
  func forEachRun(_ base0: Int, _ base1: Int, _ base2: Int, _ body: (Int, Int, Int) -> Void) {
    forEachRun(0..<outerCount, base0, base1, base2, body)
  }

  /// Like ``forEachRun(_:_:_:_:)`` for the runs whose row-major outer index is in `runs`.
  @inline(__always)
  func forEachRun(
    _ runs: Range<Int>, _ base0: Int, _ base1: Int, _ base2: Int, _ body: (Int, Int, Int) -> Void
  ) {
    if runs.isEmpty { return }
    let outerRank = shape.count - 1
    if outerRank == 0 {
      body(base0, base1, base2)
      return
    }
    let s0 = strides[0]
    let s1 = strides.count > 1 ? strides[1] : [Int](repeating: 0, count: shape.count)
    let s2 = strides.count > 2 ? strides[2] : [Int](repeating: 0, count: shape.count)
    var counter = [Int](repeating: 0, count: outerRank)
    var o0 = base0
    var o1 = base1
    var o2 = base2
    var rest = runs.lowerBound
    var axis = outerRank - 1
    while axis >= 0 {
      let c = rest % shape[axis]
      rest /= shape[axis]
      counter[axis] = c
      o0 += c * s0[axis]
      o1 += c * s1[axis]
      o2 += c * s2[axis]
      axis -= 1
    }
    for _ in runs {
      body(o0, o1, o2)
      axis = outerRank - 1
      while axis >= 0 {
        counter[axis] += 1
        o0 += s0[axis]
        o1 += s1[axis]
        o2 += s2[axis]
        if counter[axis] < shape[axis] { break }
        o0 -= s0[axis] * shape[axis]
        o1 -= s1[axis] * shape[axis]
        o2 -= s2[axis] * shape[axis]
        counter[axis] = 0
        axis -= 1
      }
    }
  }
}
