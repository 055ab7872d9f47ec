import CLibGit2

extension GitRepository {
  /// The URL of the configured remote called `name` (`origin`), or nil when there is none.
  ///
  /// Lets `rigor push origin` work like `git push origin`; anything that is not a remote's name
  /// is used as a path or URL as given.
  public func remoteURL(named name: String) -> String? {
    var remoteHandle: OpaquePointer?
    guard git_remote_lookup(&remoteHandle, handle, name) == 0, let remoteHandle else { return nil }
    defer { git_remote_free(remoteHandle) }
    return git_remote_url(remoteHandle).map { String(cString: $0) }
  }
}
