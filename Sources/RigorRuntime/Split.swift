/// Declares which examples a data split holds, by id.
///
/// Declaring `selection` and `evaluation` lets a claim's `held_out: true` be verified (the two
/// must be disjoint). Each split is declared once per run and holds at most
/// `RigorLimits.maxSplitIDs` ids; breaking either rule is an error of the calling step.
public func split(
  _ name: String, ids: some Sequence<Int>, file: String = #file, line: Int = #line,
  column: Int = #column
) {
  do {
    try RunState.shared.split(name, ids: Array(ids))
  } catch let error as RigorRuntimeError {
    RunState.shared.fail(error, file: file, line: line, column: column)
  } catch {
    RunState.shared.fail(RigorRuntimeError("\(error)"), file: file, line: line, column: column)
  }
}
