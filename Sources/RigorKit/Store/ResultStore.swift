import Foundation

/// Rigor's result store: registrations and results as commits on `refs/rigor/NAME`.
///
/// Every write builds its objects in the object database and then moves the notebook's
/// reference with compare-and-swap, retrying on the new tip when another run (thread or
/// process) won; no run is ever lost and HEAD, the index and the work tree are never touched.
/// One `ResultStore` serialises its own calls with a lock, so it may be shared between threads;
/// separate stores (in other threads or processes) coordinate only through git's references.
/// Set the tuning properties before sharing a store; use `repository` directly only from the
/// thread that owns the store.
public final class ResultStore: @unchecked Sendable {
  /// Where every notebook's reference lives.
  public static let referencePrefix = "refs/rigor/"

  public let repository: GitRepository

  /// A reference `.lock` file older than this is taken to be left by a killed process and is
  /// removed. Real writers hold the lock for well under a millisecond.
  public var staleLockAge: TimeInterval = 30
  /// A reference's `.lock` file at least this old is removed at once when no Rigor process is
  /// updating a reference: Rigor's writers hold ``writersLockFile`` (shared) for the whole
  /// update, so a lock without a holder was left by a killed run, and the next run need not wait
  /// `staleLockAge`. The small age spares a plain `git` that might be writing the reference.
  public var orphanedLockAge: TimeInterval = 2
  /// How long a write keeps retrying a contended reference before giving up. Longer than
  /// `staleLockAge`, so a lock left by a process killed just now is eventually recovered.
  public var contentionTimeout: TimeInterval = 45
  /// Author and committer of new commits; nil uses the repository's user, else "Rigor".
  public var signature: GitSignature?

  /// How many compare-and-swap attempts this store lost to other writers so far (for
  /// diagnostics and benchmarks).
  public internal(set) var lostRaces = 0

  let lock = NSRecursiveLock()
  var referencesWithReflog: Set<String> = []

  public init(repository: GitRepository) {
    self.repository = repository
  }

  /// Opens the store of the repository containing `folder` (searching upwards).
  public convenience init(discoveringFrom folder: URL) throws {
    self.init(repository: try GitRepository.discover(from: folder))
  }

  /// `refs/rigor/NAME` for a notebook name such as `quickstart` or `examples/tier2`.
  public static func referenceName(for name: String) throws -> String {
    if name.isEmpty { throw ResultStoreError.invalidNotebookName(name, reason: "it is empty") }
    if name.hasPrefix("/") || name.hasSuffix("/") {
      throw ResultStoreError.invalidNotebookName(name, reason: "it starts or ends with '/'")
    }
    let reference = referencePrefix + name
    guard GitRepository.isValidReferenceName(reference) else {
      throw ResultStoreError.invalidNotebookName(
        name, reason: "git forbids it in a reference name (spaces, '..', '~', '^', ':', '?', '*', '[', '\\' or a '.lock' suffix)")
    }
    return reference
  }

  /// The newest commit on the notebook's reference, nil before its first run.
  public func tip(name: String) throws -> ObjectID? {
    let reference = try ResultStore.referenceName(for: name)
    return try locked { try repository.referenceTarget(reference) }
  }

  /// Every notebook with recorded runs: name (without `refs/rigor/`) and tip, sorted by name.
  public func notebooks() throws -> [(name: String, tip: ObjectID)] {
    try locked {
      try repository.references(matching: ResultStore.referencePrefix + "*").map {
        (String($0.name.dropFirst(ResultStore.referencePrefix.count)), $0.target)
      }
    }
  }

  /// The content of `path` in the tree of `commit`, nil when absent.
  public func readFile(_ path: String, in commit: ObjectID) throws -> Data? {
    try locked { try repository.readFile(at: path, inCommit: commit) }
  }

  /// Every file in the tree of `commit`, keyed by path.
  public func files(in commit: ObjectID) throws -> [String: Data] {
    try locked { try repository.files(inCommit: commit) }
  }

  /// The commit a revision names (id prefix, `refs/rigor/x~2`, `HEAD`...).
  public func resolve(_ revision: String) throws -> ObjectID {
    try locked { try repository.resolve(revision) }
  }

  /// The source state for a run's trailers: HEAD's commit (nil when unborn) and whether the
  /// work tree differs from it outside `Results/`.
  public func sourceState() throws -> (commit: ObjectID?, isDirty: Bool) {
    try locked { (try repository.headCommit(), try repository.isWorkTreeDirty(excluding: ["Results/"])) }
  }

  func locked<T>(_ body: () throws -> T) rethrows -> T {
    lock.lock()
    defer { lock.unlock() }
    return try body()
  }
}
