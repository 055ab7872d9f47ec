/// A claim block that does not meet the claim schema, with every problem found in it.
public struct ClaimSchemaError: Error, Hashable, Sendable, CustomStringConvertible {
  /// One diagnostic per problem, in source order, each at the notebook's own line.
  public var diagnostics: [Diagnostic]

  public init(diagnostics: [Diagnostic]) {
    self.diagnostics = diagnostics
  }

  public var description: String {
    diagnostics.map(\.description).joined(separator: "\n")
  }
}
