import Foundation

/// A cache of freed tensor buffers, reused for allocations of exactly the same size.
///
/// Training loops allocate the same large buffers every step. Returning them to the system
/// and faulting fresh pages back in on the next step costs more than the arithmetic for
/// elementwise operations, so buffers of at least ``minimumBytes`` are kept for reuse, up to
/// ``capacityBytes`` in total. The pool is shared by all threads behind a lock.
final class StoragePool: @unchecked Sendable {
  static let shared = StoragePool()

  /// Buffers smaller than this go straight to the system allocator.
  let minimumBytes = 64 * 1024
  /// Upper bound on the bytes held for reuse.
  let capacityBytes = 512 * 1024 * 1024

  private let lock = NSLock()
  private var free: [Int: [UnsafeMutableRawPointer]] = [:]
  private var cachedBytes = 0

  /// A 64-byte aligned buffer of `bytes` bytes (uninitialised).
  func allocate(bytes: Int) -> UnsafeMutableRawPointer {
    if bytes >= minimumBytes {
      lock.lock()
      if var list = free[bytes], let pointer = list.popLast() {
        free[bytes] = list
        cachedBytes -= bytes
        lock.unlock()
        return pointer
      }
      lock.unlock()
    }
    return UnsafeMutableRawPointer.allocate(byteCount: bytes, alignment: 64)
  }

  /// Returns a buffer obtained from ``allocate(bytes:)``.
  func release(_ pointer: UnsafeMutableRawPointer, bytes: Int) {
    if bytes >= minimumBytes {
      lock.lock()
      if cachedBytes + bytes <= capacityBytes {
        free[bytes, default: []].append(pointer)
        cachedBytes += bytes
        lock.unlock()
        return
      }
      lock.unlock()
    }
    pointer.deallocate()
  }

  /// Frees every cached buffer (for long-lived processes that change workload).
  func drain() {
    lock.lock()
    let all = free.values.flatMap { $0 }
    free = [:]
    cachedBytes = 0
    lock.unlock()
    for pointer in all { pointer.deallocate() }
  }
}
