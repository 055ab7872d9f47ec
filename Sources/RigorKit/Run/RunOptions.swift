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

  public init() {}
}
