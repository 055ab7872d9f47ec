import Foundation

/// Everything needed to run one seed of a compiled notebook as a supervised process.
///
/// The runner creates the output and scratch folders, passes the seed, the parameters and
/// the channel to the child through its environment, and confines it with bubblewrap when
/// `sandboxed` is true.
public struct SeedLaunch: Sendable, Hashable {
  /// One step of the notebook: its 1-based index and the Markdown line of its opening fence.
  public struct Step: Sendable, Hashable, Codable {
    public var index: Int
    public var line: Int

    public init(index: Int, line: Int) {
      self.index = index
      self.line = line
    }
  }

  /// The default of `diskLimitBytes`: 8 GiB.
  public static let defaultDiskLimitBytes = 8 << 30

  /// The compiled notebook program (any executable speaking the channel protocol).
  public var binary: URL
  /// Arguments after the program name; the generated programs take none.
  public var arguments: [String]
  public var seed: Int
  /// The parameter values as one JSON object, e.g. `{"features": 40, "fast": false}`.
  public var parametersJSON: String
  /// The seed's result folder; `figures/` and `artifacts/` are created in it. Writable in the sandbox.
  public var outputDirectory: URL
  /// A private working folder (`TMPDIR`, and the working directory unless
  /// `workingDirectory` is set). Writable in the sandbox.
  public var scratchDirectory: URL
  /// The child's working directory; nil means `scratchDirectory`. In the sandbox it must be
  /// visible (e.g. the repository root listed in `readOnlyPaths`, so relative data paths work).
  public var workingDirectory: URL?
  /// Limit for the seed's whole run, in seconds.
  public var timeoutSeconds: Double
  /// Run under bubblewrap (no network, read-only system, private home and /tmp).
  public var sandboxed: Bool
  /// Threads for OpenBLAS/OpenMP (`OPENBLAS_NUM_THREADS`, `OMP_NUM_THREADS`).
  public var blasThreads: Int
  /// The notebook path exactly as written in the program's `#sourceLocation(file:)` lines.
  public var sourcePath: String
  /// The steps in order; their lines locate timeouts and crashes without a backtrace.
  public var steps: [Step]
  /// Most bytes of output kept per step (half from the start, half from the end).
  public var outputCapBytes: Int
  /// Optional cap on the child's data segment (heap and anonymous mappings), in bytes.
  public var memoryLimitBytes: Int?
  /// Most bytes the seed's output and scratch folders may take on disk together, and most
  /// bytes of any one file it writes (RLIMIT_FSIZE).
  public var diskLimitBytes: Int
  /// Folders or files the sandbox must expose read-only although they live under a hidden
  /// path (home, /tmp): the libraries' folder, the repository root (for data files). The
  /// binary's own folder and the Swift runtime are added automatically.
  public var readOnlyPaths: [URL]
  /// Extra environment variables for the child (they win over the runner's own).
  public var extraEnvironment: [String: String]

  public init(
    binary: URL, arguments: [String] = [], seed: Int, parametersJSON: String = "{}",
    outputDirectory: URL, scratchDirectory: URL, workingDirectory: URL? = nil, timeoutSeconds: Double = 600,
    sandboxed: Bool = true, blasThreads: Int = 1, sourcePath: String, steps: [Step],
    outputCapBytes: Int = 256 * 1024, memoryLimitBytes: Int? = nil, diskLimitBytes: Int = SeedLaunch.defaultDiskLimitBytes,
    readOnlyPaths: [URL] = [], extraEnvironment: [String: String] = [:]
  ) {
    self.binary = binary
    self.arguments = arguments
    self.seed = seed
    self.parametersJSON = parametersJSON
    self.outputDirectory = outputDirectory
    self.scratchDirectory = scratchDirectory
    self.workingDirectory = workingDirectory
    self.timeoutSeconds = timeoutSeconds
    self.sandboxed = sandboxed
    self.blasThreads = blasThreads
    self.sourcePath = sourcePath
    self.steps = steps
    self.outputCapBytes = outputCapBytes
    self.memoryLimitBytes = memoryLimitBytes
    self.diskLimitBytes = diskLimitBytes
    self.readOnlyPaths = readOnlyPaths
    self.extraEnvironment = extraEnvironment
  }
}
