/// A figure or artifact the program wrote under the seed's output folder.
public struct WrittenFile: Sendable, Codable, Hashable {
  public enum Kind: String, Sendable, Codable { case figure, artifact }

  public var kind: Kind
  public var name: String
  /// Path relative to the seed's output folder, e.g. `figures/loss.svg`.
  public var path: String
  public var bytes: Int
  public var step: Int
}
