import Foundation

/// Writes bytes as `artifacts/NAME` in this seed's result folder.
///
/// The name is a flat file name (`[A-Za-z0-9_.-]+`, no leading `.`, no `..`); each artifact
/// is written once per run, at most `RigorLimits.maxArtifactBytes` bytes, and all files of a
/// seed together at most `RigorLimits.maxTotalFileBytes`. Breaking a rule is an error of the
/// calling step.
public func artifact(
  _ name: String, _ data: Data, file: String = #file, line: Int = #line, column: Int = #column
) {
  do {
    try RunState.shared.writeArtifact(name, data: data)
  } catch let error as RigorRuntimeError {
    RunState.shared.fail(error, file: file, line: line, column: column)
  } catch {
    RunState.shared.fail(RigorRuntimeError("\(error)"), file: file, line: line, column: column)
  }
}

/// Writes text (UTF-8) as `artifacts/NAME` in this seed's result folder.
public func artifact(
  _ name: String, _ text: String, file: String = #file, line: Int = #line, column: Int = #column
) {
  artifact(name, Data(text.utf8), file: file, line: line, column: column)
}
