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
    var lines = message.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    while let last = lines.last, last.trimmingWhitespace().isEmpty { lines.removeLast() }
    var block: [String] = []
    while let last = lines.last, !last.trimmingWhitespace().isEmpty {
      block.insert(last, at: 0)
      lines.removeLast()
    }
    // A message of one paragraph is a subject, never a trailer block.
    guard !lines.isEmpty else { return [] }
    var trailers: [CommitTrailer] = []
    for line in block {
      if let first = line.unicodeScalars.first, first == " " || first == "\t" {
        guard !trailers.isEmpty else { return [] }
        trailers[trailers.count - 1].value += " " + line.trimmingWhitespace()
        continue
      }
      guard let colon = line.firstIndex(of: ":") else { return [] }
      let key = String(line[..<colon])
      guard isValidKey(key) else { return [] }
      trailers.append(
        CommitTrailer(key: key, value: String(line[line.index(after: colon)...]).trimmingWhitespace()))
    }
    return trailers
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
