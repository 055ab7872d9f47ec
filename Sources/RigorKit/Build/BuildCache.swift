import Foundation

/// Compiled notebook binaries, one folder per content key.
///
/// Lives in `$RIGOR_CACHE`, else `$XDG_CACHE_HOME/rigor`, else `~/.cache/rigor`. Entries are
/// installed by an atomic rename, so concurrent runs that compile the same notebook never see a
/// half-written binary.
public struct BuildCache: Sendable {
  public var folder: URL

  public init(folder: URL) { self.folder = folder }

  /// The cache folder chosen from the environment.
  public static func standard() -> BuildCache {
    let environment = ProcessInfo.processInfo.environment
    if let explicit = environment["RIGOR_CACHE"] {
      return BuildCache(folder: URL(fileURLWithPath: explicit))
    }
    let base = environment["XDG_CACHE_HOME"].map { URL(fileURLWithPath: $0) }
      ?? FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".cache")
    return BuildCache(folder: base.appendingPathComponent("rigor"))
  }

  func entry(for key: ContentKey) -> URL {
    folder.appendingPathComponent("builds").appendingPathComponent(key.hex)
  }

  /// The cached executable for `key`, if one was installed.
  public func binary(for key: ContentKey) -> URL? {
    let url = entry(for: key).appendingPathComponent("program")
    return FileManager.default.isExecutableFile(atPath: url.path) ? url : nil
  }

  func prepareEntry(for key: ContentKey) throws -> URL {
    let url = entry(for: key)
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    removeAbandonedOutputs(in: url)
    return url
  }

  /// The name of a compiler output being written by process `pid`, installed by ``install(_:for:)``.
  static func temporaryName(pid: Int32, nonce: UInt32) -> String { "program.\(pid).\(nonce).tmp" }

  /// Deletes compiler outputs left by runs that died before installing them.
  ///
  /// A `rigor` killed while compiling leaves its compiler finishing `program.PID.N.tmp`, which
  /// nothing installs. An output is abandoned when its process is gone, or when it is older than
  /// a day (a process id may have been reused); outputs of live compiles are left alone.
  func removeAbandonedOutputs(in entry: URL, now: Date = Date()) {
    let manager = FileManager.default
    guard let names = try? manager.contentsOfDirectory(atPath: entry.path) else { return }
    for name in names where name.hasPrefix("program.") && name.hasSuffix(".tmp") {
      let parts = name.split(separator: ".")
      let path = entry.appendingPathComponent(name).path
      let modified = (try? manager.attributesOfItem(atPath: path)[.modificationDate] as? Date) ?? now
      let ownerGone = parts.count == 4 && Int32(parts[1]).map { kill($0, 0) != 0 && errno == ESRCH } == true
      if ownerGone || now.timeIntervalSince(modified) > 86_400 { try? manager.removeItem(atPath: path) }
    }
  }

  func install(_ temporary: URL, for key: ContentKey) throws -> URL {
    let destination = entry(for: key).appendingPathComponent("program")
    if rename(temporary.path, destination.path) != 0 {
      throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: destination.path])
    }
    return destination
  }
}
