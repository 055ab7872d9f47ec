import Foundation

/// A private folder removed when the value is released.
final class TemporaryFolder {
  let url: URL

  init(prefix: String) throws {
    let base = FileManager.default.temporaryDirectory
    url = base.appendingPathComponent("\(prefix)-\(getpid())-\(UUID().uuidString.prefix(8))")
    // Private to the runner: the seed folders inside may belong to a shared user (`nobody`,
    // see `SandboxIdentity`), which must reach them only through its own sandbox.
    try FileManager.default.createDirectory(
      at: url, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
  }

  deinit { try? FileManager.default.removeItem(at: url) }
}
