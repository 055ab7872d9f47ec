/// A checkpoint one seed loaded, as the judge needs it: only a verified entry of kind `model`
/// makes `setting: realistic` count (docs/JUDGING.md, procedure step 7).
public struct CheckpointEvidence: Hashable, Sendable, Codable {
  public var name: String
  /// `model` or `data`.
  public var kind: String
  /// The SHA-256 of the entry's primary weights file.
  public var sha256: String
  /// True when every file matched Rigor's manifest in the model store.
  public var verified: Bool
  /// What did not match, when `verified` is false.
  public var problem: String?

  public init(name: String, kind: String, sha256: String, verified: Bool, problem: String? = nil) {
    self.name = name
    self.kind = kind
    self.sha256 = sha256
    self.verified = verified
    self.problem = problem
  }

  init(_ document: CheckpointDocument) {
    self.init(
      name: document.name, kind: document.kind, sha256: document.sha256, verified: document.verified,
      problem: document.problem)
  }

  /// A verified pretrained model (not data).
  var isVerifiedModel: Bool { verified && kind == "model" }
}
