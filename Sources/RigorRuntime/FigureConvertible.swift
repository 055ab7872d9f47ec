/// Anything that can be drawn as a standalone SVG document, such as `Interp.Plot`.
///
/// The runtime knows nothing of plotting; the generated program makes the plot type conform.
public protocol FigureConvertible {
  /// The figure as a complete SVG document.
  var svg: String { get }
}
