extension Claim {
  /// Parses a ```claim block's YAML.
  ///
  /// - Parameters:
  ///   - yaml: the block's content, as CommonMark gives it.
  ///   - file: the notebook path to print in diagnostics.
  ///   - firstLine: the notebook line of the block's first content line (the line after the
  ///     opening fence).
  ///   - columnOffset: columns to add to YAML columns (the fence's indentation, usually 0).
  /// - Throws: `ClaimSchemaError` with every problem found in the block, each a `Diagnostic`
  ///   at the notebook's own line and column.
  public static func parse(
    yaml: String, file: String, firstLine: Int, columnOffset: Int = 0
  ) throws -> Claim {
    let result = parseBlock(yaml: yaml, file: file, firstLine: firstLine, columnOffset: columnOffset)
    guard let claim = result.claim else {
      throw ClaimSchemaError(diagnostics: result.diagnostics)
    }
    return claim
  }

  /// Parses a ```claim block's YAML without throwing: the claim (nil if invalid), where its
  /// id is, and all diagnostics. Same parameters as `parse(yaml:file:firstLine:columnOffset:)`.
  public static func parseBlock(
    yaml: String, file: String, firstLine: Int, columnOffset: Int = 0
  ) -> ClaimParseResult {
    ClaimParser(file: file, firstLine: firstLine, columnOffset: columnOffset).parse(yaml)
  }

  /// Errors for ids used by more than one claim of a notebook: one per repeat, at the repeat,
  /// naming where the id was first defined.
  public static func checkUniqueIDs(_ claims: [(Claim, SourceLocation)]) -> [Diagnostic] {
    var first: [String: SourceLocation] = [:]
    var diagnostics: [Diagnostic] = []
    for (claim, location) in claims {
      if let earlier = first[claim.id] {
        diagnostics.append(Diagnostic(
          "duplicate claim id '\(claim.id)' (first defined at \(earlier)); ids must be unique in a notebook",
          at: location))
      } else {
        first[claim.id] = location
      }
    }
    return diagnostics
  }
}
