/// Formats a Rigor commit message: the caller's subject and body, then a trailer block.
enum ResultCommitMessage {
  /// The trailer naming what a commit records; written by the store, never by callers.
  static let kindKey = TrailerKey.kind.rawValue

  /// `message` (subject, blank line, body), a blank line, then `Key: value` lines: the caller's
  /// trailers in order, then `Rigor-Kind: kind`.
  static func format(_ message: String, trailers: [(String, String)], kind: RecordedRun.Kind) throws -> String {
    var lines: [String] = []
    for (key, value) in trailers {
      guard CommitTrailer.isValidKey(key) else {
        throw ResultStoreError.invalidTrailer(key: key, reason: "a key has only letters, digits and '-'")
      }
      guard key.caseInsensitiveCompare(kindKey) != .orderedSame else {
        throw ResultStoreError.invalidTrailer(key: key, reason: "the store writes \(kindKey) itself")
      }
      guard !value.contains("\n"), !value.contains("\r") else {
        throw ResultStoreError.invalidTrailer(key: key, reason: "the value has a line break")
      }
      lines.append("\(key): \(value)")
    }
    lines.append("\(kindKey): \(kind.rawValue)")
    var text = message
    while let last = text.last, last.isWhitespace { text.removeLast() }
    if text.isEmpty { text = "Rigor \(kind.rawValue)" }
    return text + "\n\n" + lines.joined(separator: "\n") + "\n"
  }
}
