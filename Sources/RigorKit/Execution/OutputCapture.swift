/// Keeps the first and last bytes of a stream and counts what fell in between, so a step
/// printing 100 MB costs a bounded amount of memory and still shows how it started and ended.
struct OutputCapture {
  let headLimit: Int
  let tailLimit: Int
  private(set) var head: [UInt8] = []
  private var tail: [UInt8] = []
  private(set) var totalBytes = 0

  init(capBytes: Int) {
    headLimit = max(0, capBytes) / 2
    tailLimit = max(0, capBytes) - headLimit
  }

  init(headBytes: Int, tailBytes: Int) {
    headLimit = headBytes
    tailLimit = tailBytes
  }

  mutating func append(_ bytes: UnsafeRawBufferPointer) {
    totalBytes += bytes.count
    var rest = bytes[...]
    if head.count < headLimit {
      let take = min(headLimit - head.count, rest.count)
      head.append(contentsOf: rest.prefix(take))
      rest = rest.dropFirst(take)
    }
    guard !rest.isEmpty, tailLimit > 0 else { return }
    tail.append(contentsOf: rest.suffix(tailLimit))
    // Trim in batches so appending stays linear in the bytes seen.
    if tail.count > 2 * tailLimit { tail.removeFirst(tail.count - tailLimit) }
  }

  mutating func append(_ bytes: [UInt8]) {
    bytes.withUnsafeBytes { append($0) }
  }

  /// The bytes kept from the end (after the head).
  var tailBytes: [UInt8] { Array(tail.suffix(min(tailLimit, totalBytes - head.count))) }

  /// Bytes seen but not kept.
  var droppedBytes: Int { totalBytes - head.count - tailBytes.count }

  /// The kept text, with a marker where bytes were dropped. Invalid UTF-8 (including a
  /// character cut at a boundary) is replaced, never fatal.
  var text: String {
    let kept = tailBytes
    if droppedBytes == 0 { return String(decoding: head + kept, as: UTF8.self) }
    return String(decoding: head, as: UTF8.self)
      + "\n[... \(droppedBytes) bytes of output dropped ...]\n"
      + String(decoding: kept, as: UTF8.self)
  }
}
