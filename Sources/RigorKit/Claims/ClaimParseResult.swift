/// What parsing one claim block produced: the claim when it is valid, and every diagnostic.
public struct ClaimParseResult: Sendable {
  /// The claim, or nil when any diagnostic is an error.
  public var claim: Claim?
  /// Where the block's `id` value is, for reporting duplicate ids; nil when there is no id.
  public var idLocation: SourceLocation?
  /// Errors (and notes) in source order.
  public var diagnostics: [Diagnostic]

  public init(claim: Claim?, idLocation: SourceLocation?, diagnostics: [Diagnostic]) {
    self.claim = claim
    self.idLocation = idLocation
    self.diagnostics = diagnostics
  }
}
