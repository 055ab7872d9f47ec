import Foundation

/// A pretrained model that cannot be loaded: where it was looked for and what was wrong.
public enum PretrainedError: Error, Equatable, CustomStringConvertible {
  /// The path does not exist.
  case notFound(URL)
  /// A model folder holds no file of the expected kind.
  case noModelFile(folder: URL, kind: String)
  /// A model folder holds several candidate files, so which to load is ambiguous.
  case severalModelFiles(folder: URL, files: [String])
  /// The file describes an architecture Interp does not build.
  case unsupportedArchitecture(file: URL, architecture: String)
  /// The file uses a feature of its architecture that Interp does not implement.
  case unsupportedFeature(file: URL, feature: String)

  public var description: String {
    switch self {
    case .notFound(let url): return "\(url.path): no such file or folder"
    case .noModelFile(let folder, let kind): return "\(folder.path): the folder holds no \(kind) file"
    case .severalModelFiles(let folder, let files):
      return "\(folder.path): the folder holds several model files (\(files.joined(separator: ", "))); pass the one to load"
    case .unsupportedArchitecture(let file, let architecture):
      return "\(file.path): architecture '\(architecture)' is not supported (Interp loads 'llama' from GGUF or Hugging Face files, 'gpt2' from Hugging Face files)"
    case .unsupportedFeature(let file, let feature): return "\(file.path): \(feature) is not supported"
    }
  }

  /// The single file ending in `.ext` at `url`: `url` itself when it is a file, else the one
  /// such file anywhere inside the folder (a model-store entry keeps the wheel's layout).
  static func locate(_ url: URL, ext: String) throws -> URL {
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) else { throw PretrainedError.notFound(url) }
    guard isFolder.boolValue else { return url }
    var found: [URL] = []
    if let walker = FileManager.default.enumerator(at: url, includingPropertiesForKeys: nil) {
      for case let file as URL in walker where file.pathExtension == ext { found.append(file) }
    }
    guard let first = found.first else { throw PretrainedError.noModelFile(folder: url, kind: ".\(ext)") }
    guard found.count == 1 else {
      throw PretrainedError.severalModelFiles(folder: url, files: found.map { $0.lastPathComponent }.sorted())
    }
    return first
  }
}
