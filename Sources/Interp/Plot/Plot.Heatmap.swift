extension Plot {
  /// A matrix drawn as coloured cells, row 0 at the top (attention patterns, WᵀW).
  public struct Heatmap: Sendable {
    /// Rows of values; ragged rows are padded with missing cells (drawn grey).
    public var values: [[Double]]
    /// One label per row, drawn on the left; `nil` numbers the rows from 0.
    public var rowLabels: [String]?
    /// One label per column, drawn below; `nil` numbers the columns from 0.
    public var columnLabels: [String]?

    /// Creates a heatmap of `values` (row-major).
    public init(_ values: [[Double]], rowLabels: [String]? = nil, columnLabels: [String]? = nil) {
      self.values = values
      self.rowLabels = rowLabels
      self.columnLabels = columnLabels
    }

    /// The number of columns: the longest row's length.
    var columnCount: Int { values.map(\.count).max() ?? 0 }
  }
}
