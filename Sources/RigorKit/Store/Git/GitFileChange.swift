/// One file that differs between two commits' trees.
public struct GitFileChange: Hashable, Sendable {
  public enum Kind: String, Hashable, Sendable, Codable {
    case added, deleted, modified
  }

  /// The path relative to the tree root.
  public var path: String
  public var kind: Kind
  /// The blob before (nil when added) and after (nil when deleted).
  public var oldBlob: ObjectID?
  public var newBlob: ObjectID?
}
