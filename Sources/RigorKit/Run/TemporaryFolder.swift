import Foundation

/// A private folder removed when the value is released.
final class TemporaryFolder {
  let url: URL

  init(prefix: String) throws {
    let base = FileManager.default.temporaryDirectory
    url = base.appendingPathComponent("\(prefix)-\(getpid())-\(UUID().uuidString.prefix(8))")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  }

  deinit { try? FileManager.default.removeItem(at: url) }
}
