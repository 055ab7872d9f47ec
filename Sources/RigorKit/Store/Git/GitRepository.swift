import CLibGit2
import Foundation

/// An open git repository, owning libgit2's `git_repository` handle.
///
/// A `GitRepository` must be used by one thread at a time (libgit2's rule for every object);
/// threads that write concurrently each open their own. Nothing here touches HEAD, the index
/// or the work tree: objects are written straight to the object database and only the
/// references named by the caller move.
public final class GitRepository {
  let handle: OpaquePointer

  /// The `.git` folder (for a bare repository, the repository itself).
  public let gitDirectory: URL
  /// The folder shared by all worktrees, where `refs/` and `objects/` live.
  public let commonDirectory: URL
  /// The work tree's root, nil for a bare repository.
  public let workDirectory: URL?

  private init(handle: OpaquePointer) {
    self.handle = handle
    gitDirectory = URL(fileURLWithPath: String(cString: git_repository_path(handle)), isDirectory: true)
    commonDirectory = URL(
      fileURLWithPath: String(cString: git_repository_commondir(handle)), isDirectory: true)
    workDirectory = git_repository_workdir(handle).map {
      URL(fileURLWithPath: String(cString: $0), isDirectory: true)
    }
  }

  deinit { git_repository_free(handle) }

  /// Opens the repository containing `folder`, searching upwards like `git` does.
  ///
  /// Throws a `GitError` with code `GIT_ENOTFOUND` and a plain message when `folder` is in no
  /// repository.
  public static func discover(from folder: URL) throws -> GitRepository {
    LibGit2.ensureInitialised()
    var buffer = git_buf()
    defer { git_buf_dispose(&buffer) }
    let found = git_repository_discover(&buffer, folder.path, 0, nil)
    if found == GIT_ENOTFOUND.rawValue {
      throw GitError(
        code: found, errorClass: Int32(GIT_ERROR_REPOSITORY.rawValue),
        message: "\(folder.path) is not inside a git repository (or any parent folder)",
        operation: "find the git repository")
    }
    try GitError.check(found, "find the git repository containing \(folder.path)")
    let gitPath = String(cString: buffer.ptr)
    return try open(gitPath, flags: GIT_REPOSITORY_OPEN_NO_SEARCH.rawValue)
  }

  /// Opens the repository at exactly `url` (a work tree root, a `.git` folder or a bare
  /// repository), without searching parent folders.
  public static func open(at url: URL) throws -> GitRepository {
    LibGit2.ensureInitialised()
    return try open(url.path, flags: GIT_REPOSITORY_OPEN_NO_SEARCH.rawValue)
  }

  /// Creates a new repository at `url` (for `rigor run --init`), or opens it if one exists.
  public static func create(at url: URL, bare: Bool = false) throws -> GitRepository {
    LibGit2.ensureInitialised()
    var repository: OpaquePointer?
    try GitError.check(
      git_repository_init(&repository, url.path, bare ? 1 : 0),
      "create a git repository at \(url.path)")
    return GitRepository(handle: repository!)
  }

  private static func open(_ path: String, flags: UInt32) throws -> GitRepository {
    var repository: OpaquePointer?
    try GitError.check(
      git_repository_open_ext(&repository, path, flags, nil), "open the git repository at \(path)")
    return GitRepository(handle: repository!)
  }

  /// Whether the repository has no work tree.
  public var isBare: Bool { git_repository_is_bare(handle) != 0 }
}
