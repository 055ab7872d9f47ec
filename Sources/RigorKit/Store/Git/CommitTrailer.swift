/// One git trailer: a `Key: value` line in the last paragraph of a commit message.
public struct CommitTrailer: Hashable, Sendable, Codable {
  public var key: String
  public var value: String

  public init(key: String, value: String) {
    self.key = key
    self.value = value
  }

  /// Whether `key` is a valid trailer key: letters, digits and dashes, starting with a letter
  /// or digit (what `git interpret-trailers` recognises without configuration).
  public static func isValidKey(_ key: String) -> Bool {
    guard let first = key.unicodeScalars.first, first.isASCIIAlphanumeric else { return false }
    return key.unicodeScalars.allSatisfy { $0.isASCIIAlphanumeric || $0 == "-" }
  }

  /// Whether two trailer keys are equal ignoring ASCII case, as git compares them.
  ///
  /// Keys are ASCII (`isValidKey`), so a byte comparison does what `caseInsensitiveCompare`
  /// does, without Foundation's locale-aware string machinery (history compares keys thousands
  /// of times).
  public static func keysMatch(_ a: String, _ b: String) -> Bool {
    // Most comparisons are of different lengths or of the same spelling: both are cheap.
    guard a.utf8.count == b.utf8.count else { return false }
    if a == b { return true }
    var a = a
    var b = b
    return a.withUTF8 { x in
      b.withUTF8 { y in
        guard x.count == y.count else { return false }
        for index in 0..<x.count where lowercased(x[index]) != lowercased(y[index]) { return false }
        return true
      }
    }
  }

  /// Parses the trailer block of `message`: its last paragraph, when every line in it is a
  /// `Key: value` line (continuation lines starting with whitespace join the previous value).
  ///
  /// Rigor parses trailers itself instead of using `git_message_trailers`, which stops at the
  /// first line starting with `---` and so misses trailers after a Markdown rule in a body.
  public static func parse(message: String) -> [CommitTrailer] {
    var message = message
    // Work on the bytes in place: history parses thousands of messages.
    return message.withUTF8 { parse(bytes: $0) }
  }

  static func parse(bytes: UnsafeBufferPointer<UInt8>) -> [CommitTrailer] {
    var end = bytes.count
    while end > 0, isBlank(bytes[end - 1]) { end -= 1 }
    // The last paragraph starts after the last line that is empty or blank.
    var start = end
    var lineEnd = end
    var sawBlankLine = false
    while start > 0 {
      var lineStart = lineEnd
      while lineStart > 0, bytes[lineStart - 1] != newline { lineStart -= 1 }
      if isBlankLine(bytes, lineStart, lineEnd) {
        sawBlankLine = true
        break
      }
      start = lineStart
      if lineStart == 0 { break }
      lineEnd = lineStart - 1
    }
    // A message of one paragraph is a subject, never a trailer block.
    guard sawBlankLine, start < end else { return [] }
    var trailers: [CommitTrailer] = []
    var lineStart = start
    while lineStart < end {
      var lineStop = lineStart
      while lineStop < end, bytes[lineStop] != newline { lineStop += 1 }
      defer { lineStart = lineStop + 1 }
      let first = bytes[lineStart]
      if first == space || first == tab {
        guard !trailers.isEmpty else { return [] }
        trailers[trailers.count - 1].value += " " + trimmed(bytes, lineStart, lineStop)
        continue
      }
      var colon = lineStart
      while colon < lineStop, bytes[colon] != colonByte { colon += 1 }
      guard colon < lineStop, isValidKey(bytes, lineStart, colon) else { return [] }
      trailers.append(
        CommitTrailer(key: text(bytes, lineStart, colon), value: trimmed(bytes, colon + 1, lineStop)))
    }
    return trailers
  }

  private static let newline = UInt8(ascii: "\n")
  private static let space = UInt8(ascii: " ")
  private static let tab = UInt8(ascii: "\t")
  private static let carriageReturn = UInt8(ascii: "\r")
  private static let colonByte = UInt8(ascii: ":")

  private static func isBlank(_ byte: UInt8) -> Bool {
    byte == newline || byte == space || byte == tab || byte == carriageReturn
  }

  private static func isBlankLine(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
    for index in start..<end where !isBlank(bytes[index]) { return false }
    return true
  }

  private static func isValidKey(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
    guard start < end, isAlphanumeric(bytes[start]) else { return false }
    for index in start..<end where !isAlphanumeric(bytes[index]) && bytes[index] != UInt8(ascii: "-") {
      return false
    }
    return true
  }

  private static func isAlphanumeric(_ byte: UInt8) -> Bool {
    (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
  }

  private static func lowercased(_ byte: UInt8) -> UInt8 {
    byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte
  }

  private static func text(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> String {
    String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
  }

  /// The bytes between `start` and `end` without leading and trailing spaces, tabs and CRs.
  private static func trimmed(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> String {
    var start = start
    var end = end
    while start < end, isSpaceTabOrReturn(bytes[start]) { start += 1 }
    while end > start, isSpaceTabOrReturn(bytes[end - 1]) { end -= 1 }
    return text(bytes, start, end)
  }

  private static func isSpaceTabOrReturn(_ byte: UInt8) -> Bool {
    byte == space || byte == tab || byte == carriageReturn
  }
}

extension Unicode.Scalar {
  fileprivate var isASCIIAlphanumeric: Bool {
    ("a"..."z").contains(self) || ("A"..."Z").contains(self) || ("0"..."9").contains(self)
  }
}
