/// A step's output cut to its head and tail for the JSON document and the text summary.
///
/// The full capture (up to `SeedBatch.outputCapBytes`) goes to `steps/STEP.txt`; the JSON
/// carries at most `headBytes + tailBytes` so a chatty step cannot swell `result.json`. Cuts
/// fall on line boundaries where one is near, and never inside a UTF-8 character.
struct OutputExcerpt: Equatable {
  static let headBytes = 2 * 1024
  static let tailBytes = 6 * 1024

  /// nil when the step printed nothing.
  var text: String?
  /// Bytes left out: what the capture had already dropped plus what this cut drops.
  var droppedBytes: Int

  init(_ output: String, droppedBytes alreadyDropped: Int, head: Int = headBytes, tail: Int = tailBytes) {
    let bytes = Array(output.utf8)
    guard !bytes.isEmpty else {
      text = nil
      droppedBytes = alreadyDropped
      return
    }
    guard bytes.count > head + tail else {
      text = output
      droppedBytes = alreadyDropped
      return
    }
    var headEnd = head
    while headEnd > 0, bytes[headEnd] & 0xC0 == 0x80 { headEnd -= 1 }
    if let newline = bytes[..<headEnd].lastIndex(of: UInt8(ascii: "\n")), newline > headEnd / 2 { headEnd = newline + 1 }
    var tailStart = bytes.count - tail
    while tailStart < bytes.count, bytes[tailStart] & 0xC0 == 0x80 { tailStart += 1 }
    if let newline = bytes[tailStart...].firstIndex(of: UInt8(ascii: "\n")), newline - tailStart < tail / 2 {
      tailStart = newline + 1
    }
    let cut = tailStart - headEnd
    droppedBytes = alreadyDropped + cut
    text = String(decoding: bytes[..<headEnd], as: UTF8.self)
      + "[... \(droppedBytes) bytes of output left out ...]\n"
      + String(decoding: bytes[tailStart...], as: UTF8.self)
  }

  /// The last `count` lines a person needs to see why a step failed: the runtime's crash
  /// report (the fatal error line onwards, whose message the error line already gives) is cut.
  static func lastLines(of output: String, count: Int) -> [String] {
    var lines: [Substring] = []
    for line in output.split(separator: "\n", omittingEmptySubsequences: false) {
      if CrashReport.fatalMessage(in: line) != nil || line.hasPrefix("*** Signal ") || line.hasPrefix("💣") { break }
      lines.append(line)
    }
    while let last = lines.last, last.allSatisfy(\.isWhitespace) { lines.removeLast() }
    return lines.suffix(count).map(String.init)
  }
}
