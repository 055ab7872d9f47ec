import Foundation

/// What the user asked of `rigor run` / `rigor check`.
public struct RunOptions: Sendable {
  public var overrides = ParameterOverrides()
  /// Seeds from `--seeds`, overriding front matter.
  public var seeds: [Int]?
  public var jobs: Int?
  public var timeout: Double?
  public var commit = true
  public var sandbox = true
  public var minimumTier: Int?
  public var memoryLimitBytes: Int?
  public var initializeRepository = false
  public var format: OutputFormat = .text
  /// `-v`: stream each seed's output live, prefixed by the seed.
  public var verbose = false
  /// Recorded with the result when the run was not a plain `rigor run` (`verify`).
  public var origin: String?
  /// The model store seeds load checkpoints from (nil: `$RIGOR_MODELS` or `~/.cache/rigor/models`).
  public var modelStore: URL?
  /// The manifest checkpoints are checked against (nil: Rigor's own).
  public var modelManifest: ModelManifest?

  /// The model store seeds use.
  var models: ModelStore {
    ModelStore(root: modelStore ?? ModelStore.defaultRoot(), manifest: modelManifest ?? .builtIn)
  }

  public init() {}
}
