import CLibGit2

/// Owns one libgit2 handle (a commit, tree, reference, revwalk...) and frees it in `deinit`.
///
/// libgit2 hands out raw pointers that must be freed with a type-specific function; wrapping
/// each in a `GitPointer` the moment it is returned means no early exit or thrown error can leak
/// it. The pointer must not escape the owner's lifetime.
final class GitPointer {
  let raw: OpaquePointer
  private let release: (OpaquePointer) -> Void

  init(_ raw: OpaquePointer, release: @escaping (OpaquePointer) -> Void) {
    self.raw = raw
    self.release = release
  }

  deinit { release(raw) }
}
