import Foundation

/// Where and with what a run happened, stored in every `result.json`.
public struct EnvironmentDocument: Codable, Sendable, Equatable {
  public var swiftVersion: String
  public var os: String
  public var cpu: String
  public var cores: Int
  public var blas: String
  public var blasThreadsPerSeed: Int
  /// The git tree id of `Sources/Interp` in the Rigor checkout that built the core.
  public var interpTree: String?
  public var packages: [String: String]
  public var jobs: Int
  public var wallSeconds: Double
  public var startedAt: String
  /// The checkpoints the run's seeds loaded: name to the SHA-256 of its primary weights file.
  public var checkpoints: [String: String]?

  enum CodingKeys: String, CodingKey {
    case os, cpu, cores, blas, packages, jobs, checkpoints
    case swiftVersion = "swift_version"
    case blasThreadsPerSeed = "blas_threads_per_seed"
    case interpTree = "interp_tree"
    case wallSeconds = "wall_seconds"
    case startedAt = "started_at"
  }

  public init(
    swiftVersion: String, os: String, cpu: String, cores: Int, blas: String,
    blasThreadsPerSeed: Int, interpTree: String?, packages: [String: String], jobs: Int,
    wallSeconds: Double, startedAt: String
  ) {
    self.swiftVersion = swiftVersion
    self.os = os
    self.cpu = cpu
    self.cores = cores
    self.blas = blas
    self.blasThreadsPerSeed = blasThreadsPerSeed
    self.interpTree = interpTree
    self.packages = packages
    self.jobs = jobs
    self.wallSeconds = wallSeconds
    self.startedAt = startedAt
  }
}
