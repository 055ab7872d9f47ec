extension Plot {
  /// A tick label: text with an optional superscript, so powers of ten read as 10⁻³.
  struct TickLabel: Hashable, Sendable {
    var text: String
    var superscript: String?

    init(_ text: String, superscript: String? = nil) {
      self.text = text
      self.superscript = superscript
    }

    /// The label on one line, `10^−3` style, for tests and for measuring width.
    var plain: String { superscript.map { "\(text)^\($0)" } ?? text }

    /// Approximate rendered width in units of the font size (superscripts are smaller).
    var widthInEms: Double {
      Plot.textWidthInEms(text) + (superscript.map { 0.75 * Plot.textWidthInEms($0) } ?? 0)
    }
  }
}
