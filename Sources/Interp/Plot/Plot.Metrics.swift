extension Plot {
  /// Sizes derived from ``fontSize``, in pixels.
  struct Metrics {
    var font: Double
    var padding: Double { font * 0.8 }
    var titleFont: Double { font * 1.25 }
    var noteFont: Double { font * 0.8 }
    var tickLength: Double { 5 }
    var tickGap: Double { 3 }
    var lineHeight: Double { font * 1.25 }

    func notesHeight(_ count: Int) -> Double { Double(count) * noteFont * 1.3 }
    func titleHeight(_ title: String) -> Double { title.isEmpty ? 0 : titleFont * 1.2 + font * 0.5 }
    func axisLabelHeight(_ label: String) -> Double { label.isEmpty ? 0 : font * 1.6 }

    init(_ font: Double) { self.font = font.isFinite && font > 0 ? font : 12 }

    /// Pixel width of a string in this font.
    func width(_ text: String) -> Double { Plot.textWidthInEms(text) * font }
  }
}
