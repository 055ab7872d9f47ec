/// A checkpoint one seed loaded through `checkpoint(_:)`, as the runner verified it
/// (`runs[i].checkpoints`, docs/CLI-JSON.md).
///
/// `kind`, `source` and the hashes come from Rigor's manifest, never from the seed; `verified`
/// says whether every file of the entry in the model store had its manifest hash when the run
/// ended, and `problem` says what did not match when it is false.
public struct CheckpointDocument: Codable, Sendable, Equatable, Hashable {
  public struct File: Codable, Sendable, Equatable, Hashable {
    public var path: String
    public var sha256: String

    public init(path: String, sha256: String) {
      self.path = path
      self.sha256 = sha256
    }
  }

  public var name: String
  /// `model` or `data`; only a verified `model` makes `setting: realistic` count.
  public var kind: String
  public var source: String
  /// The SHA-256 of the entry's primary weights file.
  public var sha256: String
  public var files: [File]
  public var verified: Bool
  public var problem: String?

  public init(
    name: String, kind: String, source: String, sha256: String, files: [File], verified: Bool, problem: String? = nil
  ) {
    self.name = name
    self.kind = kind
    self.source = source
    self.sha256 = sha256
    self.files = files
    self.verified = verified
    self.problem = problem
  }
}
