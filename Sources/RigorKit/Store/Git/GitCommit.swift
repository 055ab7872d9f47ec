import Foundation

/// One commit's metadata, copied out of libgit2 so it outlives every handle.
public struct GitCommit: Hashable, Sendable {
  public var id: ObjectID
  public var tree: ObjectID
  /// Parents in order: the first parent first.
  public var parents: [ObjectID]
  /// The full raw message, trailers included.
  public var message: String
  public var author: GitSignature
  public var committer: GitSignature

  /// The first line of the message.
  public var summary: String {
    String(message.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false).first ?? "")
  }

  /// The trailers (`Key: value` lines) of the message's last paragraph, in order.
  public var trailers: [CommitTrailer] { CommitTrailer.parse(message: message) }
}
