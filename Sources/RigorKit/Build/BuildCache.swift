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
    return url
  }

  func install(_ temporary: URL, for key: ContentKey) throws -> URL {
    let destination = entry(for: key).appendingPathComponent("program")
    if rename(temporary.path, destination.path) != 0 {
      throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: destination.path])
    }
    return destination
  }
}
