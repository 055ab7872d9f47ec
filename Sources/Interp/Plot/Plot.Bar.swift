extension Plot {
  /// One bar of a bar chart, with an optional error bar from `lower` to `upper`.
  public struct Bar: Sendable {
    /// The category name under the bar.
    public var label: String
    /// The bar height (it starts at zero).
    public var value: Double
    /// The bottom of the error bar (e.g. the lower 95% CI bound); `nil` for no error bar.
    public var lower: Double?
    /// The top of the error bar; `nil` for no error bar.
    public var upper: Double?
    /// The bar colour; `nil` uses the first colour of ``Color/palette``.
    public var color: Color?

    /// Creates a bar; give both `lower` and `upper` to draw an error bar.
    public init(
      _ label: String, value: Double, lower: Double? = nil, upper: Double? = nil,
      color: Color? = nil
    ) {
      self.label = label
      self.value = value
      self.lower = lower
      self.upper = upper
      self.color = color
    }
  }
}
