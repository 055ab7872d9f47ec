/// Applies `--param NAME=VALUE` overrides to a notebook's declared parameters.
///
/// An unknown name or a value of the wrong type is an error before anything compiles, reported
/// at the declaration it conflicts with (or at `params:` / the first line for unknown names).
public struct ParameterOverrides: Sendable {
  public var assignments: [(name: String, value: String)]

  /// No overrides.
  public init() { assignments = [] }

  public init(_ arguments: [String]) throws {
    assignments = try arguments.map { argument in
      guard let equals = argument.firstIndex(of: "="), equals != argument.startIndex else {
        throw CommandFailure(.usage, "--param expects NAME=VALUE, got `\(argument)`")
      }
      return (String(argument[..<equals]), String(argument[argument.index(after: equals)...]))
    }
    // Last-wins would silently drop a value the user typed; name both instead.
    var seen: [String: String] = [:]
    for (name, value) in assignments {
      if let earlier = seen[name] {
        throw CommandFailure(.usage, "--param \(name) is given twice (\(name)=\(earlier) and \(name)=\(value)); give it once")
      }
      seen[name] = value
    }
  }

  /// The parameters after overrides, or the diagnostics that stop the run.
  public func apply(to notebook: Notebook) -> (values: [String: ParameterValue], diagnostics: [Diagnostic]) {
    var values: [String: ParameterValue] = [:]
    for parameter in notebook.frontMatter.parameters { values[parameter.name] = parameter.value }
    var diagnostics: [Diagnostic] = []
    let fallback = notebook.frontMatter.paramsLocation
      ?? SourceLocation(file: notebook.path, line: 1, column: 1)
    for (name, text) in assignments {
      guard let declared = notebook.frontMatter.parameters.first(where: { $0.name == name }) else {
        let known = notebook.frontMatter.parameters.map(\.name)
        diagnostics.append(
          Diagnostic(
            "--param \(name): no such parameter"
              + (known.isEmpty ? " (the notebook declares none)" : " (declared: \(known.joined(separator: ", ")))"),
            at: fallback))
        continue
      }
      guard let value = declared.value.parsingOverride(text) else {
        diagnostics.append(
          Diagnostic(
            "--param \(name)=\(text): expected a value of type \(declared.value.swiftType) like the default `\(declared.value)`",
            at: declared.location))
        continue
      }
      values[name] = value
    }
    return (values, diagnostics)
  }
}
