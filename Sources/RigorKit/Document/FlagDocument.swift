/// A pontification flag in prose.
public struct FlagDocument: Codable, Sendable, Equatable {
  public var file: String
  public var line: Int
  public var cue: String
  public var text: String
  /// Why the sentence's anchors or claim links did not count (docs/JUDGING.md); absent when it had
  /// none or they could not be checked.
  public var reasons: [String]?

  public init(file: String, line: Int, cue: String, text: String, reasons: [String]? = nil) {
    self.reasons = reasons
    self.file = file
    self.line = line
    self.cue = cue
    self.text = text
  }
}
