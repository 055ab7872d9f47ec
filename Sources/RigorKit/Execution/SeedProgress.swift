/// A snapshot of one running seed, for live display.
///
/// The runner calls the progress handler when the seed starts, when a step begins, when the
/// program reports progress, about once a second while it runs, and when it ends. The
/// handler is called on the runner's thread for that seed: keep it quick and thread-safe.
public struct SeedProgress: Sendable {
  public enum Phase: String, Sendable {
    case started, stepBegan, progress, heartbeat, ended
  }

  public var seed: Int
  public var phase: Phase
  /// The step running now (1-based), nil before the first step.
  public var step: Int?
  public var stepCount: Int
  /// The Markdown line of the running step.
  public var stepLine: Int?
  /// Seconds since the seed started.
  public var elapsed: Double
  /// The program's last `progress` fraction in this step, if it reported one.
  public var fraction: Double?
  /// The program's last `progress` message in this step.
  public var message: String
}

/// Receives `SeedProgress` snapshots.
public typealias SeedProgressHandler = @Sendable (SeedProgress) -> Void

/// Receives a seed's output bytes as they arrive (`rigor run -v`): the seed, then the bytes,
/// which are only valid during the call.
public typealias SeedOutputHandler = @Sendable (Int, UnsafeRawBufferPointer) -> Void
