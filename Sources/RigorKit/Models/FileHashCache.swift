import Foundation

/// SHA-256 of store files remembered by device, inode, size and change time, so verifying a
/// 98 MB checkpoint on every run costs a `stat` instead of reading the file.
///
/// Any write to a file, a `chmod`, or replacing it changes its ctime (which no unprivileged
/// call can set back) or its inode, so a changed file misses the cache and is hashed again.
/// The cache is `.rigor-hash-cache.json` at the store's root; it is advisory: unreadable or
/// unwritable, it is rebuilt or skipped, never trusted over a fresh hash of a changed file.
public final class FileHashCache {
  struct Identity: Codable, Equatable {
    var device: UInt64
    var inode: UInt64
    var size: Int64
    var ctimeSeconds: Int64
    var ctimeNanoseconds: Int64
  }

  struct Entry: Codable, Equatable {
    var identity: Identity
    var sha256: String
  }

  static let fileName = ".rigor-hash-cache.json"

  let file: URL
  private(set) var entries: [String: Entry]
  private var changed = false
  /// Files hashed (cache misses) since this instance was made; tests read it.
  private(set) var hashedCount = 0

  init(file: URL) {
    self.file = file
    entries = (try? JSONDecoder().decode([String: Entry].self, from: Data(contentsOf: file))) ?? [:]
  }

  /// The cache kept in `store`.
  public convenience init(store: URL) { self.init(file: store.appendingPathComponent(Self.fileName)) }

  /// The identity of the regular file at `url`, or nil when it is missing or not a regular file.
  static func identity(of url: URL) -> Identity? {
    var status = stat()
    guard stat(url.path, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else { return nil }
    return Identity(
      device: UInt64(status.st_dev), inode: UInt64(status.st_ino), size: Int64(status.st_size),
      ctimeSeconds: Int64(status.st_ctim.tv_sec), ctimeNanoseconds: Int64(status.st_ctim.tv_nsec))
  }

  /// The file's SHA-256, from the cache when its identity is unchanged, else by reading it.
  public func sha256(of url: URL) throws -> String {
    let key = url.standardizedFileURL.path
    guard let identity = Self.identity(of: url) else {
      throw ModelStoreError.unreadable(file: url.path, errno: ENOENT)
    }
    if let entry = entries[key], entry.identity == identity { return entry.sha256 }
    let digest = try FileDigest.sha256(of: url)
    hashedCount += 1
    // A file changed while it was read gets no entry: the next look hashes it again.
    if Self.identity(of: url) == identity {
      entries[key] = Entry(identity: identity, sha256: digest)
      changed = true
    }
    return digest
  }

  /// Remembers a digest just computed for `url` (by the installer, before the file moved).
  func remember(_ sha256: String, for url: URL) {
    guard let identity = Self.identity(of: url) else { return }
    entries[url.standardizedFileURL.path] = Entry(identity: identity, sha256: sha256)
    changed = true
  }

  /// Writes the cache if anything changed: to a temporary file renamed over the old one, so a
  /// reader never sees half a cache. Failing to write only costs a re-hash later.
  public func save() {
    guard changed else { return }
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    guard let data = try? encoder.encode(entries) else { return }
    let temporary = file.deletingLastPathComponent()
      .appendingPathComponent(".\(Self.fileName).\(getpid()).\(UUID().uuidString.prefix(8))")
    do {
      try data.write(to: temporary)
      guard rename(temporary.path, file.path) == 0 else {
        try? FileManager.default.removeItem(at: temporary)
        return
      }
      changed = false
    } catch {
      try? FileManager.default.removeItem(at: temporary)
    }
  }
}
