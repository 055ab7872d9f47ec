import Foundation

/// One commit on a notebook's results reference, as `rigor log` lists it.
public struct RecordedRun: Sendable {
  /// What the commit records, from its `Rigor-Kind` trailer.
  public enum Kind: String, Sendable, Codable {
    /// A pre-registration of claims, made before any seed ran.
    case registration
    /// A finished run's result folder (failed runs too).
    case result
    /// A merge with no result of its own, e.g. joining histories after `rigor pull`.
    case merge
    /// A commit Rigor did not write (no `Rigor-Kind` trailer).
    case other
  }

  public var commit: ObjectID
  /// Parents, first parent first. A result's first parent is its registration; a second parent
  /// is the tip it was merged with when other runs recorded meanwhile.
  public var parents: [ObjectID]
  /// The commit's root tree: the result folder's content.
  public var tree: ObjectID
  /// When the commit was made (committer time).
  public var date: Date
  public var message: String
  public var trailers: [CommitTrailer]
  public var kind: Kind
  /// For a result, the registration it completes (its first parent); nil otherwise.
  public var registration: ObjectID?
  /// For a registration, the result that completes it; nil when the run was interrupted (or is
  /// still running).
  public var result: ObjectID?

  /// Reads files from the commit's tree; not exposed so the store's lock guards every read.
  let store: ResultStore

  /// A registration that no result completes: a killed run, or one still running.
  public var isInterrupted: Bool { kind == .registration && result == nil }

  /// The message's first line.
  public var summary: String {
    String(message.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false).first ?? "")
  }

  /// The value of the last trailer named `key` (compared case-insensitively, like git).
  public func trailer(_ key: String) -> String? {
    trailers.last { CommitTrailer.keysMatch($0.key, key) }?.value
  }

  /// The value of the last trailer `key`.
  public func trailer(_ key: TrailerKey) -> String? { trailer(key.rawValue) }

  /// The content of `path` (e.g. `result.json`) in this commit's tree, nil when absent.
  public func readFile(_ path: String) throws -> Data? {
    try store.readFile(path, in: commit)
  }

  /// Every file in this commit's tree, keyed by path.
  public func files() throws -> [String: Data] {
    try store.files(in: commit)
  }
}
