import CLibGit2
import Foundation

extension GitRepository {
  /// A reference the remote refused to update during a push, with the remote's reason.
  public struct PushRejection: Hashable, Sendable {
    public var reference: String
    public var reason: String
  }

  /// Pushes `refspecs` (e.g. `refs/rigor/x:refs/rigor/x`, never forced) to the repository at
  /// `url` (a path to a bare repository, or a URL), and returns the references it refused.
  ///
  /// A remote's refusal arrives only through libgit2's `push_update_reference` callback, not as
  /// an error code, so it is collected there and returned; a local non-fast-forward is thrown
  /// as `GIT_ENONFASTFORWARD`.
  public func push(_ refspecs: [String], to url: String) throws -> [PushRejection] {
    var remoteHandle: OpaquePointer?
    try GitError.check(git_remote_create_anonymous(&remoteHandle, handle, url), "use \(url) as a remote")
    let remote = GitPointer(remoteHandle!) { git_remote_free($0) }
    var options = git_push_options()
    try GitError.check(git_push_options_init(&options, UInt32(GIT_PUSH_OPTIONS_VERSION)), "prepare a push")
    let collector = RejectionCollector()
    options.callbacks.payload = Unmanaged.passUnretained(collector).toOpaque()
    options.callbacks.push_update_reference = { name, status, payload in
      if let status, let name, let payload {
        let collector = Unmanaged<RejectionCollector>.fromOpaque(payload).takeUnretainedValue()
        collector.rejections.append(PushRejection(reference: String(cString: name), reason: String(cString: status)))
      }
      return 0
    }
    let result = withStringArray(refspecs) { array in
      withUnsafePointer(to: &options) { git_remote_push(remote.raw, array, $0) }
    }
    try GitError.check(result, "push \(refspecs.joined(separator: " ")) to \(url)")
    return withExtendedLifetime(collector) { collector.rejections }
  }

  /// Fetches `refspecs` (e.g. `+refs/rigor/*:refs/rigor-fetch/1/*`) from `url`.
  ///
  /// The user's `FETCH_HEAD` is restored afterwards: libgit2 1.5.1 truncates it even when asked
  /// not to update it.
  public func fetch(_ refspecs: [String], from url: String) throws {
    let fetchHead = gitDirectory.appendingPathComponent("FETCH_HEAD")
    let savedFetchHead = try? Data(contentsOf: fetchHead)
    defer { restore(fetchHead, to: savedFetchHead) }
    var remoteHandle: OpaquePointer?
    try GitError.check(git_remote_create_anonymous(&remoteHandle, handle, url), "use \(url) as a remote")
    let remote = GitPointer(remoteHandle!) { git_remote_free($0) }
    var options = git_fetch_options()
    try GitError.check(git_fetch_options_init(&options, UInt32(GIT_FETCH_OPTIONS_VERSION)), "prepare a fetch")
    options.prune = GIT_FETCH_NO_PRUNE
    options.download_tags = GIT_REMOTE_DOWNLOAD_TAGS_NONE
    options.update_fetchhead = 0  // leave FETCH_HEAD, which the user may rely on, alone
    let result = withStringArray(refspecs) { array in
      withUnsafePointer(to: &options) { git_remote_fetch(remote.raw, array, $0, "rigor: fetch") }
    }
    try GitError.check(result, "fetch \(refspecs.joined(separator: " ")) from \(url)")
  }

  private func restore(_ file: URL, to content: Data?) {
    guard let content else {
      unlink(file.path)
      return
    }
    if (try? Data(contentsOf: file)) != content { try? content.write(to: file, options: .atomic) }
  }

  /// Deletes the reference `name`; nothing happens when it is absent.
  public func deleteReference(_ name: String) throws {
    let result = git_reference_remove(handle, name)
    if result == GIT_ENOTFOUND.rawValue { return }
    try GitError.check(result, "delete the reference \(name)")
  }

  private func withStringArray<T>(_ strings: [String], _ body: (UnsafePointer<git_strarray>) throws -> T) rethrows -> T {
    var pointers: [UnsafeMutablePointer<CChar>?] = strings.map { strdup($0) }
    defer { pointers.forEach { free($0) } }
    return try pointers.withUnsafeMutableBufferPointer { buffer in
      var array = git_strarray(strings: buffer.baseAddress, count: buffer.count)
      return try body(&array)
    }
  }
}

/// Receives push rejections from libgit2's C callback.
private final class RejectionCollector {
  var rejections: [GitRepository.PushRejection] = []
}
