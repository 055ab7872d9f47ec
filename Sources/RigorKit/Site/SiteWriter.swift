import Foundation

/// Writes the site's files, leaving a file alone when its content is already what it would
/// write, so a rebuild after one more run touches only what changed.
final class SiteWriter {
  let root: URL
  private(set) var written = 0
  private(set) var unchanged = 0

  init(root: URL) { self.root = root }

  /// Writes `data` at `path` (relative to the site) unless the file already holds exactly it.
  func write(_ data: Data, to path: String) throws {
    let url = root.appendingPathComponent(path)
    if let existing = FileManager.default.contents(atPath: url.path), existing == data {
      unchanged += 1
      return
    }
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try data.write(to: url, options: .atomic)
    written += 1
  }

  func write(_ text: String, to path: String) throws { try write(Data(text.utf8), to: path) }

  /// True when `path` exists: pages named after commits never change once written.
  func exists(_ path: String) -> Bool {
    FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path)
  }

  func skipImmutable() { unchanged += 1 }
}
