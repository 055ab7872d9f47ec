extension Plot {
  /// One named data series of a line or scatter plot.
  public struct Series: Sendable {
    /// The legend entry; series with an empty name get no legend entry.
    public var name: String
    /// Horizontal coordinates; when shorter than `y`, the extra `y` values are ignored.
    public var x: [Double]
    /// Vertical coordinates.
    public var y: [Double]
    /// The series colour; `nil` takes the next colour of ``Color/palette``.
    public var color: Color?
    /// Scatter only: one value per point, mapped through the plot's colormap and explained
    /// by a colour bar. `nil` draws every point in the series colour.
    public var pointValues: [Double]?

    /// Creates a series from explicit coordinates.
    public init(
      _ name: String = "", x: [Double], y: [Double], color: Color? = nil,
      pointValues: [Double]? = nil
    ) {
      self.name = name
      self.x = x
      self.y = y
      self.color = color
      self.pointValues = pointValues
    }

    /// Creates a series whose x coordinates are the indices 0, 1, 2, … (a loss per step).
    public init(_ name: String = "", y: [Double], color: Color? = nil) {
      self.init(name, x: y.indices.map(Double.init), y: y, color: color)
    }

    /// Creates a series from single-precision (or any binary floating-point) coordinates.
    public init<T: BinaryFloatingPoint>(
      _ name: String = "", x: [T], y: [T], color: Color? = nil, pointValues: [T]? = nil
    ) {
      self.init(
        name, x: x.map { Double($0) }, y: y.map { Double($0) }, color: color,
        pointValues: pointValues?.map { Double($0) })
    }

    /// Creates an index-based series from single-precision (or any binary floating-point) values.
    public init<T: BinaryFloatingPoint>(_ name: String = "", y: [T], color: Color? = nil) {
      self.init(name, y: y.map { Double($0) }, color: color)
    }
  }
}
