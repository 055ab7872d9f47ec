// Entry points the program generated from a notebook calls. Users do not call these; the
// underscore keeps them out of completion.

/// Marks the start of step `index` (1-based, in file order).
public func _rigorBeginStep(_ index: Int) {
  RunState.shared.beginStep(index)
}

/// Marks the end of step `index`; a step without its end did not finish.
public func _rigorEndStep(_ index: Int) {
  RunState.shared.endStep(index)
}

/// Marks the normal end of the program, after the last step.
public func _rigorFinish() {
  RunState.shared.finish()
}

/// The value of parameter `name` as an Int: from the run's parameters, else `default`.
public func _rigorParameter(
  _ name: String, as type: Int.Type, default value: Int? = nil, file: String = #file,
  line: Int = #line
) -> Int {
  _rigorResolveParameter(name, default: value, file: file, line: line) { try $0.asInt(name: name) }
}

/// The value of parameter `name` as a Double: from the run's parameters, else `default`.
public func _rigorParameter(
  _ name: String, as type: Double.Type, default value: Double? = nil, file: String = #file,
  line: Int = #line
) -> Double {
  _rigorResolveParameter(name, default: value, file: file, line: line) { try $0.asDouble(name: name) }
}

/// The value of parameter `name` as a String: from the run's parameters, else `default`.
public func _rigorParameter(
  _ name: String, as type: String.Type, default value: String? = nil, file: String = #file,
  line: Int = #line
) -> String {
  _rigorResolveParameter(name, default: value, file: file, line: line) { try $0.asString(name: name) }
}

/// The value of parameter `name` as a Bool: from the run's parameters, else `default`.
public func _rigorParameter(
  _ name: String, as type: Bool.Type, default value: Bool? = nil, file: String = #file,
  line: Int = #line
) -> Bool {
  _rigorResolveParameter(name, default: value, file: file, line: line) { try $0.asBool(name: name) }
}

private func _rigorResolveParameter<T>(
  _ name: String, default value: T?, file: String, line: Int,
  convert: (ParameterValue) throws -> T
) -> T {
  do {
    if let given = try RunState.shared.parameter(name) { return try convert(given) }
    if let value { return value }
    throw RigorRuntimeError("parameter '\(name)' has no value: it is not among the run's parameters and has no default")
  } catch let error as RigorRuntimeError {
    RunState.shared.fail(error, file: file, line: line, column: 1)
  } catch {
    RunState.shared.fail(RigorRuntimeError("\(error)"), file: file, line: line, column: 1)
  }
}
