import CLibGit2

/// A libgit2 call failed: libgit2's own code, class and message plus what Rigor was doing.
///
/// libgit2 keeps its last error in thread-local storage, so the message is read immediately
/// after the failing call, on the same thread, by `GitError.check`.
public struct GitError: Error, Hashable, Sendable, CustomStringConvertible {
  /// libgit2's return code (`git_error_code`, e.g. -14 for `GIT_ELOCKED`).
  public var code: Int32
  /// libgit2's error class (`git_error_t`, e.g. 5 for references); 0 when it gave none.
  public var errorClass: Int32
  /// libgit2's message, or a generic one when libgit2 recorded none.
  public var message: String
  /// What Rigor was doing, phrased to follow "could not" (e.g. "update refs/rigor/x").
  public var operation: String

  public init(code: Int32, errorClass: Int32, message: String, operation: String) {
    self.code = code
    self.errorClass = errorClass
    self.message = message
    self.operation = operation
  }

  /// Throws a `GitError` built from libgit2's thread-local last error when `result` < 0.
  ///
  /// The operation is an autoclosure so the success path costs nothing.
  @inline(__always)
  static func check(_ result: Int32, _ operation: @autoclosure () -> String) throws {
    if result < 0 { throw GitError.last(code: result, operation: operation()) }
  }

  /// Reads libgit2's thread-local last error now; call right after the failing function.
  static func last(code: Int32, operation: String) -> GitError {
    if let error = git_error_last(), let text = error.pointee.message {
      return GitError(
        code: code, errorClass: error.pointee.klass, message: String(cString: text),
        operation: operation)
    }
    return GitError(code: code, errorClass: 0, message: "libgit2 gave no message", operation: operation)
  }

  /// The symbolic name of `code`, as in libgit2's `errors.h`.
  public var codeName: String {
    switch code {
    case GIT_OK.rawValue: return "GIT_OK"
    case GIT_ENOTFOUND.rawValue: return "GIT_ENOTFOUND"
    case GIT_EEXISTS.rawValue: return "GIT_EEXISTS"
    case GIT_EAMBIGUOUS.rawValue: return "GIT_EAMBIGUOUS"
    case GIT_EBUFS.rawValue: return "GIT_EBUFS"
    case GIT_EBAREREPO.rawValue: return "GIT_EBAREREPO"
    case GIT_EUNBORNBRANCH.rawValue: return "GIT_EUNBORNBRANCH"
    case GIT_EUNMERGED.rawValue: return "GIT_EUNMERGED"
    case GIT_ENONFASTFORWARD.rawValue: return "GIT_ENONFASTFORWARD"
    case GIT_EINVALIDSPEC.rawValue: return "GIT_EINVALIDSPEC"
    case GIT_ECONFLICT.rawValue: return "GIT_ECONFLICT"
    case GIT_ELOCKED.rawValue: return "GIT_ELOCKED"
    case GIT_EMODIFIED.rawValue: return "GIT_EMODIFIED"
    case GIT_EAUTH.rawValue: return "GIT_EAUTH"
    case GIT_ECERTIFICATE.rawValue: return "GIT_ECERTIFICATE"
    case GIT_EINVALID.rawValue: return "GIT_EINVALID"
    case GIT_EOWNER.rawValue: return "GIT_EOWNER"
    default: return "GIT_ERROR(\(code))"
    }
  }

  /// Whether the error only means another writer got there first (a lost compare-and-swap or a
  /// held lock), so re-reading and retrying is the right response.
  public var isLostRace: Bool {
    code == GIT_EMODIFIED.rawValue || code == GIT_ELOCKED.rawValue || code == GIT_EEXISTS.rawValue
  }

  /// Whether the object, reference or path asked for does not exist.
  public var isNotFound: Bool { code == GIT_ENOTFOUND.rawValue }

  public var description: String {
    var text = "could not \(operation): \(message) (libgit2 \(codeName), class \(errorClass))"
    if code == GIT_EOWNER.rawValue {
      text += "; the repository belongs to another user: mark it safe with "
        + "`git config --global --add safe.directory PATH`"
    }
    return text
  }
}
