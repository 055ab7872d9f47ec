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

  /// A report from the channel, whose `files` is one `SHA256 PATH` line per file; a line not
  /// of that form is kept as a file with an empty hash (so it can never match the manifest).
  init(step: Int, name: String, kind: String, source: String, filesText: String) {
    let files = filesText.split(separator: "\n").map { line -> File in
      guard let space = line.firstIndex(of: " ") else { return File(path: String(line), sha256: "") }
      return File(path: String(line[line.index(after: space)...]), sha256: String(line[..<space]))
    }
    self.init(step: step, name: name, kind: kind, source: source, files: files)
  }
}
