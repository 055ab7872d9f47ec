/// What a seed said it loaded through `checkpoint(_:)` (a `checkpoint` channel event): the
/// entry's name and the files it saw. The runner checks it against the manifest and the
/// store (``CheckpointVerifier``) and keeps nothing else from it.
public struct ReportedCheckpoint: Sendable, Codable, Equatable {
  public struct File: Sendable, Codable, Equatable {
    public var path: String
    public var sha256: String

    public init(path: String, sha256: String) {
      self.path = path
      self.sha256 = sha256
    }
  }

  /// The step that called `checkpoint(_:)`.
  public var step: Int
  public var name: String
  public var kind: String
  public var source: String
  public var files: [File]

  public init(step: Int, name: String, kind: String, source: String, files: [File]) {
    self.step = step
    self.name = name
    self.kind = kind
    self.source = source
    self.files = files
  }
}
