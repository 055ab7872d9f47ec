/// Writes a plot as `figures/NAME.svg` in this seed's result folder.
///
/// The name follows the artifact rules (`[A-Za-z0-9_.-]+`, no leading `.`, no `..`; a
/// trailing `.svg` is accepted) and each figure is written once per run, at most
/// `RigorLimits.maxFigureBytes` bytes. Breaking a rule is an error of the calling step.
public func figure(
  _ name: String, _ plot: some FigureConvertible, file: String = #file, line: Int = #line,
  column: Int = #column
) {
  figure(name, svg: plot.svg, file: file, line: line, column: column)
}

/// Writes SVG text as `figures/NAME.svg` in this seed's result folder.
public func figure(
  _ name: String, svg: String, file: String = #file, line: Int = #line, column: Int = #column
) {
  do {
    try RunState.shared.writeFigure(name, svg: svg)
  } catch let error as RigorRuntimeError {
    RunState.shared.fail(error, file: file, line: line, column: column)
  } catch {
    RunState.shared.fail(RigorRuntimeError("\(error)"), file: file, line: line, column: column)
  }
}
