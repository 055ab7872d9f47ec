/// The heap buffer behind one or more tensors.
///
/// Tensors share a storage until one of them is mutated (copy-on-write, checked with
/// `isKnownUniquelyReferenced`). The buffer is 64-byte aligned for vector loads and is freed
/// in `deinit` (large buffers go back to ``StoragePool`` for reuse). Its contents start uninitialised; every creator writes all elements.
@usableFromInline
final class TensorStorage {
  @usableFromInline let pointer: UnsafeMutablePointer<Float>
  @usableFromInline let count: Int

  @usableFromInline
  init(count: Int) {
    self.count = count
    let raw = StoragePool.shared.allocate(bytes: max(count, 1) * MemoryLayout<Float>.stride)
    pointer = raw.bindMemory(to: Float.self, capacity: max(count, 1))
  }

  /// A new storage holding a copy of `count` elements from `source`.
  convenience init(copying source: UnsafePointer<Float>, count: Int) {
    self.init(count: count)
    pointer.update(from: source, count: count)
  }

  /// A new storage with every element set to `value`.
  convenience init(repeating value: Float, count: Int) {
    self.init(count: count)
    pointer.initialize(repeating: value, count: count)
  }

  deinit {
    StoragePool.shared.release(UnsafeMutableRawPointer(pointer), bytes: max(count, 1) * MemoryLayout<Float>.stride)
  }
}
