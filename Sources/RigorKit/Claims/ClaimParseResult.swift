/// What parsing one claim block produced: the claim when it is valid, and every diagnostic.
public struct ClaimParseResult: Sendable {
  /// The claim, or nil when any diagnostic is an error.
  public var claim: Claim?
  /// Where the block's `id` value is, for reporting duplicate ids; nil when there is no id.
  public var idLocation: SourceLocation?
  /// Errors (and notes) in source order.
  public var diagnostics: [Diagnostic]
  /// Where each name in the claim's `when` mapping was written, for checking the names and
  /// types against the notebook's parameters.
  public var whenLocations: [String: SourceLocation] = [:]

  public init(claim: Claim?, idLocation: SourceLocation?, diagnostics: [Diagnostic]) {
    self.claim = claim
    self.idLocation = idLocation
    self.diagnostics = diagnostics
  }
}
