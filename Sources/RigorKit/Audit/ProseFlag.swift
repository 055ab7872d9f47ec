/// One pontification flag: an assertive sentence with no hedge, no evidence anchor and no
/// link to a claim.
///
/// Encodes as `{"file", "line", "column", "cue", "text"}` (docs/CLI-JSON.md, `flags`), plus `kind`.
public struct ProseFlag: Codable, Hashable, Sendable, CustomStringConvertible {
  /// The audited file, as given to the auditor.
  public var file: String
  /// The 1-based line of the cue.
  public var line: Int
  /// The 1-based character column of the cue's first letter.
  public var column: Int
  /// The cue as written in the file ("Demonstrates", "is the induction head").
  public var cue: String
  /// The whole sentence, on one line.
  public var text: String
  /// Why the cue is assertive.
  public var kind: ProseLexicon.CueKind
  /// Why each anchor or link in the sentence did not count, checked against a recorded
  /// result; empty when the sentence had none (or nothing was checked).
  public var reasons: [String]

  public init(
    file: String, line: Int, column: Int, cue: String, text: String, kind: ProseLexicon.CueKind,
    reasons: [String] = []
  ) {
    self.reasons = reasons
    self.file = file
    self.line = line
    self.column = column
    self.cue = cue
    self.text = text
    self.kind = kind
  }

  /// Where the cue is, for diagnostics and editors.
  public var location: SourceLocation { SourceLocation(file: file, line: line, column: column) }

  /// `FILE:LINE:COLUMN: warning: …`, the shape every Rigor diagnostic has.
  public var diagnostic: Diagnostic {
    Diagnostic(
      "unsupported claim (\(kind.rawValue) cue \u{201C}\(cue)\u{201D}): hedge it, add evidence, or link it to a claim: \(text)",
      at: location, severity: .warning)
  }

  public var description: String { diagnostic.description }
}
