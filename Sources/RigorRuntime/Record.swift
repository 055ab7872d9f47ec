/// Records a scalar metric for this seed.
///
/// The name must match `[A-Za-z0-9_.-]+`; recording a name twice in one run, or a NaN or
/// infinite value, is an error of the calling step: it is reported at the notebook line of
/// this call and the run stops. Outside Rigor the value is printed to stderr.
public func record(
  _ name: String, _ value: Double, file: String = #file, line: Int = #line, column: Int = #column
) {
  do {
    try RunState.shared.record(name, value)
  } catch let error as RigorRuntimeError {
    RunState.shared.fail(error, file: file, line: line, column: column)
  } catch {
    RunState.shared.fail(RigorRuntimeError("\(error)"), file: file, line: line, column: column)
  }
}

/// Records an integer metric (converted to Double); the same rules as `record(_:_:)`.
public func record(
  _ name: String, _ value: some BinaryInteger, file: String = #file, line: Int = #line,
  column: Int = #column
) {
  record(name, Double(value), file: file, line: line, column: column)
}

/// Records a Float (or other floating-point) metric as a Double; the same rules as
/// `record(_:_:)`.
public func record(
  _ name: String, _ value: some BinaryFloatingPoint, file: String = #file, line: Int = #line,
  column: Int = #column
) {
  record(name, Double(value), file: file, line: line, column: column)
}

/// Records a scalar metric computed on the examples of data split `split`.
///
/// The same rules as `record(_:_:)`; in addition, `split` must be declared with
/// `split(_:ids:)` somewhere in the same seed (checked when the seed ends, so the order does
/// not matter). Recording a claim's metric on `evaluation` is what lets `held_out: true` be
/// verified (docs/JUDGING.md).
public func record(
  _ name: String, _ value: Double, on split: String, file: String = #file, line: Int = #line,
  column: Int = #column
) {
  do {
    try RunState.shared.record(name, value, on: split, location: (file, line, column))
  } catch let error as RigorRuntimeError {
    RunState.shared.fail(error, file: file, line: line, column: column)
  } catch {
    RunState.shared.fail(RigorRuntimeError("\(error)"), file: file, line: line, column: column)
  }
}

/// Records a Float (or other floating-point) metric computed on split `split`; the same rules
/// as `record(_:_:on:)`.
public func record(
  _ name: String, _ value: some BinaryFloatingPoint, on split: String, file: String = #file,
  line: Int = #line, column: Int = #column
) {
  record(name, Double(value), on: split, file: file, line: line, column: column)
}
