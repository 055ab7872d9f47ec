/// A position in a source file, 1-based, as users see it in an editor.
public struct SourceLocation: Hashable, Codable, Sendable, CustomStringConvertible {
  /// The path as printed: relative to the repository root where possible.
  public var file: String
  public var line: Int
  public var column: Int

  public init(file: String, line: Int, column: Int = 1) {
    self.file = file
    self.line = line
    self.column = column
  }

  public var description: String { "\(file):\(line):\(column)" }
}
