extension NameRules {
  /// Throws the problem with a metric or split name; `kind` names the thing ("metric").
  static func checkName(_ name: String, kind: String) throws {
    if let problem = problem(name: name, kind: kind) { throw RigorRuntimeError(problem) }
  }

  /// Throws the problem with a name that becomes a file name under the seed's result folder.
  static func checkFileName(_ name: String, kind: String) throws {
    if let problem = problem(fileName: name, kind: kind) { throw RigorRuntimeError(problem) }
  }
}
