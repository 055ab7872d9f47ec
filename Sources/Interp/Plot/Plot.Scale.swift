extension Plot {
  /// How data values map to positions along an axis.
  public enum Scale: String, Sendable, Hashable, CaseIterable {
    /// Equal distances for equal differences.
    case linear
    /// Equal distances for equal ratios (base 10), with ticks at decades. Values ≤ 0 are
    /// skipped and counted in the figure's note.
    case log
  }
}
