import Foundation

/// `rigor run -v`: each seed's output streamed to standard error as it arrives, one line at
/// a time, prefixed by the seed so parallel seeds stay readable ("[seed 2] loss 0.31").
///
/// Bytes are split into lines per seed; a partial line waits for its end (or for `finish`).
/// Control characters are written as escapes: a notebook's output is untrusted and must not
/// drive the user's terminal.
final class LiveOutput: @unchecked Sendable {
  private let console: Console
  private let lock = NSLock()
  private var pending: [Int: [UInt8]] = [:]

  init(console: Console) { self.console = console }

  var handler: SeedOutputHandler { { [self] seed, bytes in self.append(seed, bytes) } }

  func append(_ seed: Int, _ bytes: UnsafeRawBufferPointer) {
    lock.withLock {
      var buffer = pending[seed, default: []]
      buffer.append(contentsOf: bytes)
      while let newline = buffer.firstIndex(of: UInt8(ascii: "\n")) {
        emit(seed, buffer[..<newline])
        buffer.removeSubrange(...newline)
      }
      pending[seed] = buffer
    }
  }

  /// Prints what is left of each seed's last line.
  func finish() {
    lock.withLock {
      for seed in pending.keys.sorted() where !(pending[seed] ?? []).isEmpty {
        emit(seed, pending[seed]![...])
      }
      pending.removeAll()
    }
  }

  private func emit(_ seed: Int, _ line: ArraySlice<UInt8>) {
    let text = String(decoding: line, as: UTF8.self).unicodeScalars.map { scalar -> String in
      if scalar == "\t" { return "\t" }
      if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) { return "\\u{\(String(scalar.value, radix: 16))}" }
      return String(scalar)
    }.joined()
    console.err("[seed \(seed)] \(text)")
  }
}
