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

  /// Parses the trailer block of `message`: its last paragraph, when every line in it is a
  /// `Key: value` line (continuation lines starting with whitespace join the previous value).
  ///
  /// Rigor parses trailers itself instead of using `git_message_trailers`, which stops at the
  /// first line starting with `---` and so misses trailers after a Markdown rule in a body.
  public static func parse(message: String) -> [CommitTrailer] {
    // Work on bytes: history parses thousands of messages, and String lines cost allocations.
    let bytes = Array(message.utf8)
    var end = bytes.count
    while end > 0, isBlank(bytes[end - 1]) { end -= 1 }
    let lines = bytes[0..<end].split(separator: newline, omittingEmptySubsequences: false)
    var first = lines.count
    while first > 0, !lines[first - 1].allSatisfy(isBlank) { first -= 1 }
    // A message of one paragraph is a subject, never a trailer block.
    guard first > 0 else { return [] }
    var trailers: [CommitTrailer] = []
    for line in lines[first...] {
      if line.first == space || line.first == tab {
        guard !trailers.isEmpty else { return [] }
        trailers[trailers.count - 1].value += " " + text(line).trimmingWhitespace()
        continue
      }
      guard let colon = line.firstIndex(of: UInt8(ascii: ":")) else { return [] }
      let key = text(line[line.startIndex..<colon])
      guard isValidKey(key) else { return [] }
      trailers.append(CommitTrailer(key: key, value: text(line[(colon + 1)...]).trimmingWhitespace()))
    }
    return trailers
  }

  private static let newline = UInt8(ascii: "\n")
  private static let space = UInt8(ascii: " ")
  private static let tab = UInt8(ascii: "\t")
  private static let carriageReturn = UInt8(ascii: "\r")

  private static func isBlank(_ byte: UInt8) -> Bool {
    byte == newline || byte == space || byte == tab || byte == carriageReturn
  }

  private static func text(_ bytes: ArraySlice<UInt8>) -> String {
    String(decoding: bytes, as: UTF8.self)
  }
}

extension Unicode.Scalar {
  fileprivate var isASCIIAlphanumeric: Bool {
    ("a"..."z").contains(self) || ("A"..."Z").contains(self) || ("0"..."9").contains(self)
  }
}

extension String {
  fileprivate func trimmingWhitespace() -> String {
    var scalars = Substring(self)
    while let first = scalars.first, first == " " || first == "\t" || first == "\r" {
      scalars.removeFirst()
    }
    while let last = scalars.last, last == " " || last == "\t" || last == "\r" {
      scalars.removeLast()
    }
    return String(scalars)
  }
}
