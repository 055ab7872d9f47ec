/// A ```swift block: one step of the experiment.
public struct NotebookStep: Hashable, Sendable {
  /// 1-based position among the notebook's steps (`no-run` blocks are not steps).
  public var index: Int
  /// The notebook line of the step's first code line.
  public var line: Int
  /// The block's content exactly as CommonMark defines it.
  public var code: String
  /// Columns of indentation CommonMark removed from each line (a fence inside a list item).
  public var indent: Int

  public init(index: Int, line: Int, code: String, indent: Int = 0) {
    self.index = index
    self.line = line
    self.code = code
    self.indent = indent
  }
}
