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
    let folder = url.deletingLastPathComponent()
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    // Written beside the page and renamed over it, so a reader never sees half a page. No
    // fsync: the site is derived data, rebuilt from the store, and syncing each of a thousand
    // pages was a fifth of a full build.
    let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString.prefix(8)).tmp")
    try data.write(to: temporary, options: .withoutOverwriting)
    guard rename(temporary.path, url.path) == 0 else {
      let reason = String(cString: strerror(errno))
      try? FileManager.default.removeItem(at: temporary)
      throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path, NSLocalizedDescriptionKey: "cannot write \(url.path): \(reason)"])
    }
    written += 1
  }

  func write(_ text: String, to path: String) throws { try write(Data(text.utf8), to: path) }

  /// True when `path` exists: pages named after commits never change once written.
  func exists(_ path: String) -> Bool {
    FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path)
  }

  func skipImmutable() { unchanged += 1 }
}
