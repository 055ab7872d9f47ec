import CLibGit2
import Foundation

/// A content hash that names a cached build: SHA-1 as git computes it for a blob.
///
/// Computed through libgit2 (`git_odb_hash`), which the project links anyway, so keys are the
/// ids `git hash-object` would print for the same bytes.
public struct ContentKey: Hashable, Sendable, CustomStringConvertible {
  public let hex: String

  /// Hashes the concatenation of `parts`, each length-prefixed so that parts cannot run together.
  public init(_ parts: [String]) {
    var data = Data()
    for part in parts {
      let bytes = Array(part.utf8)
      data.append(contentsOf: "\(bytes.count):".utf8)
      data.append(contentsOf: bytes)
    }
    self.init(data)
  }

  public init(_ data: Data) {
    var oid = git_oid()
    _ = data.withUnsafeBytes { buffer in
      git_odb_hash(&oid, buffer.baseAddress, buffer.count, GIT_OBJECT_BLOB)
    }
    hex = withUnsafeBytes(of: oid.id) { raw in raw.map { String(format: "%02x", $0) }.joined() }
  }

  public var description: String { hex }
}
