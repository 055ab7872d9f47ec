import Foundation

/// A sentiment lexicon file that cannot be read: which file, which line, and what was wrong.
public struct SentimentLexiconError: Error, Equatable, CustomStringConvertible {
  /// The file being read.
  public var file: URL
  /// The 1-based line at fault, or nil when the whole file is (unreadable, empty).
  public var line: Int?
  public var reason: String

  public init(file: URL, line: Int?, reason: String) {
    self.file = file
    self.line = line
    self.reason = reason
  }

  public var description: String {
    "\(file.path)\(line.map { ":\($0)" } ?? ""): \(reason)"
  }
}
