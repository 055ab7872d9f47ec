/// The YAML block between `---` lines at the very top of a notebook.
public struct FrontMatter: Sendable {
  public var title: String?
  /// Parameters in declaration order.
  public var parameters: [NotebookParameter] = []
  /// The seeds to run: `seeds: 10` means 0..<10; a list is taken as given.
  public var seeds: [Int]?
  /// Seconds allowed for one seed's whole run.
  public var timeout: Double?
  /// Most memory one seed may use, in MiB (`memory_limit_mb`); `--memory-limit` wins.
  public var memoryLimitMB: Int?
  /// The line after the closing `---`; 1 when there is no front matter.
  public var bodyStartLine: Int = 1
  /// Where `params:` was written, for errors about overrides.
  public var paramsLocation: SourceLocation?
  /// `data: [path, ...]`: repository files or folders a seed may read (bound read-only into
  /// the sandbox and hashed into the result's provenance), relative to the repository root.
  public var data: [String] = []
  /// Where each `data` entry was written, for errors about missing paths.
  public var dataLocations: [String: SourceLocation] = [:]

  public init() {}
}
