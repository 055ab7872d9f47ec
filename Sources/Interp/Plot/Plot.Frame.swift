extension Plot {
  /// The plot area in pixels (y grows downward) plus the font metrics every part shares.
  struct Frame {
    var left: Double
    var top: Double
    var right: Double
    var bottom: Double

    var width: Double { max(right - left, 1) }
    var height: Double { max(bottom - top, 1) }
    var centerX: Double { (left + right) / 2 }
    var centerY: Double { (top + bottom) / 2 }
  }

  /// The same text, cut to `limit` characters with an ellipsis, so one long legend entry
  /// cannot squeeze the plot to nothing.
  static func truncated(_ text: String, _ limit: Int = 40) -> String {
    text.count <= limit ? text : String(text.prefix(limit - 1)) + "…"
  }
}
