/// A ```claim block as written: YAML text and where it starts.
public struct ClaimBlock: Hashable, Sendable {
  public var yaml: String
  /// The notebook line of the block's first YAML line.
  public var line: Int
  /// The column where the block's content starts.
  public var column: Int

  public init(yaml: String, line: Int, column: Int = 1) {
    self.yaml = yaml
    self.line = line
    self.column = column
  }
}
