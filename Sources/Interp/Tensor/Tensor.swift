/// An n-dimensional array of `Float` with optional reverse-mode gradient tracking.
///
/// Elements are laid out row-major in a shared, copy-on-write `TensorStorage`. A tensor is a
/// *view* of its storage: `shape`, `strides` and an element `offset`. Transpose, permute,
/// slicing, `expand` and reshaping a contiguous tensor all return views without copying; the
/// operations that need dense input copy only when given a non-contiguous view.
///
/// Tensors are values: mutating one copy (through a subscript setter) never changes another.
/// The exception is a **parameter**, a leaf tensor with ``requiresGrad`` set: all copies of a
/// parameter share one storage, so an optimiser step or ``assign(_:)`` updates every copy,
/// like `torch.nn.Parameter`. Use ``clone()`` to take an independent snapshot.
///
/// ```swift
/// var rng = Xoshiro256(seed: 0)
/// var w = Tensor.randn([3, 2], using: &rng)
/// w.requiresGrad = true
/// let x = Tensor([[1, 2, 3]])
/// let loss = x.matmul(w).relu().sum()
/// loss.backward()
/// print(w.grad!.shape)  // [3, 2]
/// ```
public struct Tensor {
  @usableFromInline var storage: TensorStorage
  /// The size of each axis.
  public internal(set) var shape: [Int]
  /// Element step per axis within the storage (0 for broadcast axes).
  public internal(set) var strides: [Int]
  /// Index of the first element within the storage.
  @usableFromInline var offset: Int
  /// The autograd node, present when this tensor requires a gradient.
  @usableFromInline var node: GradNode?

  @usableFromInline
  init(storage: TensorStorage, shape: [Int], strides: [Int], offset: Int, node: GradNode? = nil) {
    self.storage = storage
    self.shape = shape
    self.strides = strides
    self.offset = offset
    self.node = node
  }

  /// A contiguous tensor of `shape` over a fresh storage that the caller fills.
  @usableFromInline
  init(uninitializedShape shape: [Int]) {
    self.init(
      storage: TensorStorage(count: ShapeMath.count(shape)), shape: shape,
      strides: ShapeMath.contiguousStrides(shape), offset: 0)
  }

  /// Creates a tensor of `shape` from row-major `scalars`.
  ///
  /// - Precondition: `scalars.count` equals the product of `shape`.
  public init(shape: [Int], scalars: [Float]) {
    check(shape.allSatisfy { $0 >= 0 }, "Tensor(shape:scalars:): negative size in shape \(shape)")
    check(
      ShapeMath.count(shape) == scalars.count,
      "Tensor(shape:scalars:): shape \(shape) needs \(ShapeMath.count(shape)) scalars, got \(scalars.count)")
    self.init(uninitializedShape: shape)
    scalars.withUnsafeBufferPointer { src in
      if let base = src.baseAddress { storage.pointer.update(from: base, count: src.count) }
    }
  }

  /// A rank-0 tensor holding `value`.
  public init(_ value: Float) { self.init(shape: [], scalars: [value]) }

  /// A rank-1 tensor holding `values`.
  public init(_ values: [Float]) { self.init(shape: [values.count], scalars: values) }

  /// A rank-2 tensor from equally long rows.
  public init(_ rows: [[Float]]) {
    let columns = rows.first?.count ?? 0
    check(
      rows.allSatisfy { $0.count == columns },
      "Tensor(_ rows:): rows have different lengths \(rows.map(\.count))")
    self.init(shape: [rows.count, columns], scalars: rows.flatMap { $0 })
  }

  /// The number of axes.
  @inlinable public var rank: Int { shape.count }

  /// The number of elements.
  @inlinable public var count: Int { ShapeMath.count(shape) }

  /// Whether the elements are stored densely in row-major order (possibly at an offset).
  public var isContiguous: Bool {
    var expected = 1
    var i = shape.count - 1
    while i >= 0 {
      if shape[i] != 1 && strides[i] != expected { return false }
      expected *= shape[i]
      i -= 1
    }
    return true
  }

  /// The single element of a one-element tensor.
  public func item() -> Float {
    check(count == 1, "item(): tensor of shape \(shape) has \(count) elements, expected 1")
    return storage.pointer[offset]
  }

  /// The elements in row-major order.
  public func toArray() -> [Float] {
    let dense = contiguous()
    return Array(UnsafeBufferPointer(start: dense.storage.pointer + dense.offset, count: dense.count))
  }

  /// The element at a full multi-index (negative indices count from the end).
  public func scalar(at index: [Int]) -> Float {
    check(index.count == rank, "scalar(at:): index \(index) does not match shape \(shape)")
    var position = offset
    for (axis, i) in index.enumerated() {
      let j = i < 0 ? i + shape[axis] : i
      check(j >= 0 && j < shape[axis], "scalar(at:): index \(index) out of bounds for shape \(shape)")
      position += j * strides[axis]
    }
    return storage.pointer[position]
  }

  /// A dense, independent copy with no gradient history.
  public func clone() -> Tensor {
    let dense = contiguous()
    let copy = Tensor(uninitializedShape: shape)
    copy.storage.pointer.update(from: dense.storage.pointer + dense.offset, count: count)
    return copy
  }

  /// Pointer to the first element; valid while `self` is alive. Requires a contiguous tensor.
  @usableFromInline var basePointer: UnsafeMutablePointer<Float> { storage.pointer + offset }
}
