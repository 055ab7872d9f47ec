extension Tensor {
  /// This tensor if it is already dense, otherwise a dense copy (gradient flows through).
  public func contiguous() -> Tensor {
    if isContiguous { return self }
    var out = Tensor(uninitializedShape: shape)
    Tensor.copyElements(from: self, into: out.storage.pointer, strides: out.strides)
    if let node {
      out.node = GradNode(op: "contiguous", parents: [node]) { g in [g] }
    }
    return out
  }

  /// Copies the elements of `source` (any strides) into `destination` laid out with
  /// `destinationStrides` over the same shape.
  static func copyElements(
    from source: Tensor, into destination: UnsafeMutablePointer<Float>, strides destinationStrides: [Int]
  ) {
    if source.count == 0 { return }
    let loop = StridedLoop(shape: source.shape, strides: [destinationStrides, source.strides])
    let n = loop.innerCount
    let ds = loop.innerStride(0)
    let ss = loop.innerStride(1)
    let src = UnsafePointer(source.storage.pointer)
    let srcBase = source.offset
    loop.forEachRun(0, srcBase) { d, s in
      let dp = destination + d
      let sp = src + s
      if ds == 1 && ss == 1 {
        dp.update(from: sp, count: n)
      } else if ds == 1 && ss == 0 {
        dp.update(repeating: sp[0], count: n)
      } else {
        for i in 0..<n { dp[i * ds] = sp[i * ss] }
      }
    }
  }

  /// Makes the storage exclusively owned before an in-place write (copy-on-write).
  ///
  /// A parameter (a gradient-requiring leaf) keeps its shared storage, so that writes reach
  /// every copy, as the type documentation describes.
  @usableFromInline
  mutating func makeStorageUnique() {
    if node?.isLeaf == true { return }
    if isKnownUniquelyReferenced(&storage) { return }
    let dense = Tensor(uninitializedShape: shape)
    Tensor.copyElements(from: self, into: dense.storage.pointer, strides: dense.strides)
    storage = dense.storage
    strides = dense.strides
    offset = 0
  }
}
