/// Cuts a byte stream into newline-terminated lines, keeping an unfinished line for later.
struct LineSplitter {
  private var pending: [UInt8] = []
  /// Longest line accepted; a longer one is discarded (and counted) instead of growing forever.
  let maxLineBytes: Int
  private(set) var discardedLines = 0
  private var discarding = false

  init(maxLineBytes: Int = 512 << 20) { self.maxLineBytes = maxLineBytes }

  mutating func append(_ bytes: UnsafeRawBufferPointer) -> [[UInt8]] {
    var lines: [[UInt8]] = []
    var start = 0
    for (offset, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") {
      if !discarding {
        pending.append(contentsOf: bytes[start..<offset])
        lines.append(pending)
      }
      pending.removeAll(keepingCapacity: true)
      discarding = false
      start = offset + 1
    }
    if !discarding { pending.append(contentsOf: bytes[start...]) }
    if pending.count > maxLineBytes {
      pending.removeAll()
      discarding = true
      discardedLines += 1
    }
    return lines
  }
}
