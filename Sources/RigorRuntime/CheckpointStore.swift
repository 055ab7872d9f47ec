import Foundation

/// Finds a manifest entry in the model store for `checkpoint(_:)` and checks it is whole: the
/// entry must be in the manifest the runner passes (`RIGOR_MODEL_MANIFEST`), and every file
/// must be present with the manifest's size. Hashes are the runner's job (it verifies what
/// the seed reported against the manifest and the store, through its hash cache).
struct CheckpointStore {
  struct Entry: Decodable, Equatable {
    struct File: Decodable, Equatable {
      var path: String
      var sha256: String
      var bytes: Int
    }

    var name: String
    /// Absent in an install marker (outside Rigor); the runner takes both from its manifest.
    var kind: String?
    var source: String?
    var files: [File]
  }

  private struct Manifest: Decodable { var entries: [Entry] }

  static let storeKey = "RIGOR_MODELS"
  static let manifestKey = "RIGOR_MODEL_MANIFEST"
  /// What `rigor models install` writes last into a finished entry (its `files` list).
  static let markerName = ".rigor-installed.json"

  let root: URL
  /// The runner's manifest, or nil outside Rigor (then the entry's own marker is read).
  let entries: [Entry]?

  init(environment: [String: String]) {
    if let path = environment[Self.storeKey], !path.isEmpty {
      root = URL(fileURLWithPath: path)
    } else {
      let home = environment["HOME"].map { URL(fileURLWithPath: $0) } ?? FileManager.default.homeDirectoryForCurrentUser
      root = home.appendingPathComponent(".cache/rigor/models")
    }
    entries = environment[Self.manifestKey].flatMap {
      try? JSONDecoder().decode(Manifest.self, from: Data($0.utf8)).entries
    }
  }

  init(root: URL, entries: [Entry]?) {
    self.root = root
    self.entries = entries
  }

  /// The entry called `name` and its folder, or an error saying how to install it.
  func locate(_ name: String) throws -> (entry: Entry, folder: URL) {
    let install = "run `rigor models install \(name)`"
    let folder = root.appendingPathComponent(name, isDirectory: true)
    let entry: Entry
    if let entries {
      guard let known = entries.first(where: { $0.name == name }) else {
        let names = entries.map(\.name).joined(separator: ", ")
        throw RigorRuntimeError(
          "no checkpoint called '\(name)' in Rigor's model manifest (known: \(names)); `rigor models list` shows them")
      }
      entry = known
    } else {
      // Outside Rigor: the marker install wrote says which files the entry has.
      let marker = folder.appendingPathComponent(Self.markerName)
      guard !name.contains("/"), !name.hasPrefix("."), let data = try? Data(contentsOf: marker),
        let installed = try? JSONDecoder().decode(Entry.self, from: data)
      else {
        throw RigorRuntimeError("checkpoint '\(name)' is not installed in the model store \(root.path): \(install)")
      }
      entry = installed
    }
    for file in entry.files {
      let path = folder.appendingPathComponent(file.path).path
      guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
        attributes[.type] as? FileAttributeType == .typeRegular, let size = attributes[.size] as? Int
      else {
        let missing = FileManager.default.fileExists(atPath: folder.path) ? "is incomplete (\(file.path) is missing)" : "is not installed"
        throw RigorRuntimeError("checkpoint '\(name)' \(missing) in the model store \(root.path): \(install)")
      }
      if size != file.bytes {
        throw RigorRuntimeError(
          "checkpoint '\(name)' is altered in the model store: \(file.path) has \(size) bytes, the manifest says \(file.bytes); \(install) to replace it")
      }
    }
    return (entry, folder)
  }
}
