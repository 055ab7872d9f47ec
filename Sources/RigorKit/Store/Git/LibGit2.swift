import CLibGit2

/// libgit2's process-wide state.
///
/// libgit2 must be initialised before any other call, exactly once per balanced shutdown.
/// Rigor initialises it lazily on first use (Swift guarantees a `static let` initialiser runs
/// once, even when several threads race to it) and never shuts it down: handles may still be
/// alive on other threads when the process exits, and shutdown-while-in-use has raced in
/// libgit2 before.
enum LibGit2 {
  private static let initialisation: Int32 = git_libgit2_init()

  /// Makes sure libgit2 is initialised; cheap after the first call.
  static func ensureInitialised() {
    _ = initialisation
  }

  /// libgit2's version as `major.minor.revision`, for environment records.
  static var version: String {
    var major: Int32 = 0
    var minor: Int32 = 0
    var revision: Int32 = 0
    _ = git_libgit2_version(&major, &minor, &revision)
    return "\(major).\(minor).\(revision)"
  }
}
