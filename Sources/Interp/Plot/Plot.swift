/// A figure for a paper draft, rendered as a standalone SVG document.
///
/// Build one with a static constructor — ``line(_:title:xLabel:yLabel:)``,
/// ``scatter(_:title:xLabel:yLabel:)``, ``heatmap(_:title:xLabel:yLabel:rowLabels:columnLabels:)``
/// or ``bar(labels:values:errors:title:xLabel:yLabel:)`` — then adjust the public properties
/// (log axes, limits, size) before reading ``svg``:
///
///     var plot = Plot.line([.init("train", y: trainLoss), .init("eval", y: evalLoss)],
///                          title: "Loss", xLabel: "step", yLabel: "loss")
///     plot.yScale = .log
///     let document = plot.svg   // same input, same bytes
///
/// Bad data never crashes a render: non-finite values, and non-positive values on a log axis,
/// are skipped and the skipped counts are written into the figure as a small note, so a
/// reader of the figure knows something was left out.
public struct Plot: Sendable {
  /// What the figure draws.
  public enum Content: Sendable {
    /// One polyline per series (loss curves).
    case lines([Series])
    /// One marker per point; a series may colour its points by value.
    case scatter([Series])
    /// One cell per matrix entry, with a colour bar.
    case heatmap(Heatmap)
    /// One bar per category, with optional error bars.
    case bars([Bar])
  }

  /// The data and the kind of figure.
  public var content: Content
  /// Drawn centred above the plot area; empty for none.
  public var title: String
  /// The horizontal axis label; empty for none.
  public var xLabel: String
  /// The vertical axis label; empty for none.
  public var yLabel: String
  /// Document width in CSS pixels.
  public var width: Double = 640
  /// Document height in CSS pixels.
  public var height: Double = 420
  /// Base font size in CSS pixels; titles and notes scale from it.
  public var fontSize: Double = 12
  /// Horizontal axis scale (line and scatter plots).
  public var xScale: Scale = .linear
  /// Vertical axis scale (line and scatter plots).
  public var yScale: Scale = .linear
  /// Fixed horizontal range; `nil` fits the data with "nice" tick values.
  public var xLimits: ClosedRange<Double>? = nil
  /// Fixed vertical range; `nil` fits the data with "nice" tick values.
  public var yLimits: ClosedRange<Double>? = nil
  /// Light grid lines at the major ticks.
  public var showsGrid: Bool = true
  /// The colormap of heatmap cells and value-coloured scatter points; `nil` picks
  /// ``Colormap/diverging`` for data with both signs and ``Colormap/viridis`` otherwise.
  public var colormap: Colormap? = nil
  /// The value range the colormap spans; `nil` uses the data range (symmetric about zero
  /// for a diverging map, so white means zero).
  public var colorRange: ClosedRange<Double>? = nil
  /// The colour bar's label; empty for none.
  public var colorLabel: String = ""

  /// Creates a figure from its content; the static constructors are usually more convenient.
  public init(_ content: Content, title: String = "", xLabel: String = "", yLabel: String = "") {
    self.content = content
    self.title = title
    self.xLabel = xLabel
    self.yLabel = yLabel
  }

  /// The figure as a complete standalone SVG 1.1 document.
  ///
  /// Deterministic: the same plot always gives the same bytes (no dates, no random ids).
  public var svg: String { render() }
}
