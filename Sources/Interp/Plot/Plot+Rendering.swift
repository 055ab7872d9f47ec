import Foundation

extension Plot {
  /// What a renderer produced: the body markup and the notes about skipped data.
  struct Drawing {
    var body = SVGWriter()
    var notes: [String] = []
  }

  /// The placeholder renderers use in element ids; replaced by a hash of the body so ids are
  /// deterministic and differ between figures inlined into one HTML page.
  static let idToken = "@RIGOR-ID@"

  func render() -> String {
    let metrics = Metrics(fontSize)
    let size = (width: sanitized(width, fallback: 640), height: sanitized(height, fallback: 420))
    var drawing: Drawing
    let kind: String
    switch content {
    case .lines(let series):
      kind = "line plot"
      drawing = drawXY(series, asLines: true, size: size, metrics: metrics)
    case .scatter(let series):
      kind = "scatter plot"
      drawing = drawXY(series, asLines: false, size: size, metrics: metrics)
    case .heatmap(let heatmap):
      kind = "heatmap"
      drawing = drawHeatmap(heatmap, size: size, metrics: metrics)
    case .bars(let bars):
      kind = "bar chart"
      drawing = drawBars(bars, size: size, metrics: metrics)
    }
    drawNotes(drawing.notes, height: size.height, metrics: metrics, into: &drawing.body)
    return document(drawing, kind: kind, size: size, metrics: metrics)
  }

  private func document(
    _ drawing: Drawing, kind: String, size: (width: Double, height: Double), metrics: Metrics
  ) -> String {
    let n = SVGWriter.number
    var svg = SVGWriter()
    svg.raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
    svg.open(
      "svg",
      [
        ("xmlns", "http://www.w3.org/2000/svg"), ("version", "1.1"),
        ("width", n(size.width)), ("height", n(size.height)),
        ("viewBox", "0 0 \(n(size.width)) \(n(size.height))"),
        ("font-family", "Helvetica, Arial, Liberation Sans, DejaVu Sans, sans-serif"),
        ("font-size", n(metrics.font)),
      ])
    if !title.isEmpty { svg.element("title", [], content: title) }
    let description = ([kind] + drawing.notes).joined(separator: " ")
    svg.element("desc", [], content: description)
    if let data = seriesData { svg.element("metadata", [("class", "rigor-series")], content: data) }
    svg.element(
      "rect",
      [
        ("class", "background"), ("width", n(size.width)), ("height", n(size.height)),
        ("fill", "#ffffff"),
      ])
    svg.raw(drawing.body.text.trimmingSuffixNewline)
    svg.close("svg")
    let text = svg.text
    guard text.contains(Self.idToken) else { return text }
    return text.replacingAll(Self.idToken, with: "rigor-" + Self.fnv1a(drawing.body.text))
  }

  /// A line plot's data, so a report can aggregate the same plot over seeds (mean and band)
  /// without reading pixels back: one line per series, `name TAB xs TAB ys`, values separated
  /// by spaces in Swift's shortest round-trip form. Left out past 100,000 points.
  var seriesData: String? {
    guard case .lines(let series) = content, !series.isEmpty else { return nil }
    guard series.reduce(0, { $0 + $1.y.count }) <= 100_000 else { return nil }
    return series.map { item in
      let name = item.name.replacingOccurrences(of: "\t", with: " ").replacingOccurrences(of: "\n", with: " ")
      return name + "\t" + item.x.map { "\($0)" }.joined(separator: " ") + "\t" + item.y.map { "\($0)" }.joined(separator: " ")
    }.joined(separator: "\n")
  }

  /// Title centred over `frame`, shrunk (down to the body font size) and then shortened
  /// with an ellipsis so it never runs off the document, and shifted sideways if needed.
  func drawTitle(over frame: Frame, metrics: Metrics, into svg: inout SVGWriter) {
    guard !title.isEmpty else { return }
    let n = SVGWriter.number
    let available = sanitized(width, fallback: 640) - 2 * metrics.padding
    let boldWidth = { (text: String, font: Double) in Self.textWidthInEms(text) * font * 1.08 }
    var font = metrics.titleFont
    var text = title
    if boldWidth(text, font) > available {
      font = max(metrics.font, font * available / boldWidth(text, font))
    }
    while boldWidth(text, font) > available && text.count > 2 {
      text = String(text.dropLast(text.hasSuffix("\u{2026}") ? 2 : 1)) + "\u{2026}"
    }
    let half = boldWidth(text, font) / 2
    let x = min(max(frame.centerX, metrics.padding + half), metrics.padding + available - half)
    svg.element(
      "text",
      [
        ("class", "title"), ("x", n(x)), ("y", n(metrics.padding + metrics.titleFont)),
        ("text-anchor", "middle"), ("font-size", n(font)), ("font-weight", "bold"),
      ], content: text)
  }

  /// Notes about skipped data, small and grey at the bottom left, so they travel with the
  /// figure.
  private func drawNotes(
    _ notes: [String], height: Double, metrics: Metrics, into svg: inout SVGWriter
  ) {
    let n = SVGWriter.number
    for (index, note) in notes.enumerated() {
      let y =
        height - metrics.padding * 0.6 - Double(notes.count - 1 - index) * metrics.noteFont * 1.3
      svg.element(
        "text",
        [
          ("class", "note"), ("x", n(metrics.padding)), ("y", n(y)),
          ("font-size", n(metrics.noteFont)), ("font-style", "italic"),
          ("fill", Color.note.hex),
        ], content: "Note: " + note)
    }
  }

  func sanitized(_ value: Double, fallback: Double) -> Double {
    value.isFinite && value >= 50 ? min(value, 20_000) : fallback
  }

  /// 64-bit FNV-1a of `text` in hex: a stable id seed (not for security).
  static func fnv1a(_ text: String) -> String {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in text.utf8 {
      hash ^= UInt64(byte)
      hash = hash &* 0x0000_0100_0000_01B3
    }
    let digits = String(hash, radix: 16)
    return String(repeating: "0", count: 16 - digits.count) + digits
  }
}

extension String {
  fileprivate var trimmingSuffixNewline: String {
    hasSuffix("\n") ? String(dropLast()) : self
  }

  fileprivate func replacingAll(_ target: String, with replacement: String) -> String {
    components(separatedBy: target).joined(separator: replacement)
  }
}
