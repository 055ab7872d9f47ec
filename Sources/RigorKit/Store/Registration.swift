/// A run's pre-registration: the commit of its parsed claims on `refs/rigor/NAME`, made before
/// the first seed runs. The run's result commit takes it as its first parent.
public struct Registration: Hashable, Sendable, Codable {
  /// The notebook's name, e.g. `examples/tier2`.
  public var name: String
  /// The results reference, `refs/rigor/NAME`.
  public var reference: String
  /// The notebook's path as given to `register` (relative to the repository root).
  public var notebookPath: String
  /// The registration commit.
  public var commit: ObjectID
  /// The reference's tip the registration was made on; nil for the notebook's first run.
  public var parent: ObjectID?

  public init(name: String, reference: String, notebookPath: String, commit: ObjectID, parent: ObjectID?) {
    self.name = name
    self.reference = reference
    self.notebookPath = notebookPath
    self.commit = commit
    self.parent = parent
  }
}
