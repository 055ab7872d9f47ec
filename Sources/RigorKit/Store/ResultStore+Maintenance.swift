import Foundation

extension ResultStore {
  /// Packs the repository's loose objects when there are about `looseObjectThreshold` or more,
  /// and returns how many objects it packed (0 when it did nothing).
  ///
  /// Packing makes reading history 1.2–1.6× faster, but costs about 0.3 ms of CPU per object
  /// (0.8 s for the ~2,600 objects of 40 typical runs), and on ext4 without a journal it makes
  /// creating files, hence later writes, several times slower for minutes after the loose copies
  /// are deleted (see Benchmarks/store/README.md). `record` therefore never calls it; call it
  /// where reading matters more than the next few writes.
  @discardableResult
  public func packIfNeeded(looseObjectThreshold: Int = 2560) throws -> Int {
    try locked {
      guard repository.estimatedLooseObjectCount() >= looseObjectThreshold else { return 0 }
      return try repository.packLooseObjects()
    }
  }

  /// Packs the notebook's newest loose commits, once there are `threshold` or more of them in a
  /// row from the tip, and returns how many it packed (0 when it did nothing).
  ///
  /// Every history command (`log`, `show`, the ledger of `rigor run`) reads every commit of the
  /// reference; a loose commit costs a file lookup, an open and an inflate, about 10–15 µs more
  /// than a packed one (Benchmarks/history/README.md). Only the commits are packed,
  /// not their trees and files, so few loose files are deleted (see `packIfNeeded` for why
  /// deleting many slows later writes). The walk stops at the first packed commit, so checking
  /// reads only the commits made since the last pack.
  @discardableResult
  public func packCommitsIfNeeded(name: String, threshold: Int = 256) throws -> Int {
    let reference = try ResultStore.referenceName(for: name)
    return try locked {
      guard let tip = try repository.referenceTarget(reference) else { return 0 }
      var loose: [ObjectID] = []
      try repository.walk(from: [tip], order: .time) { id in
        guard repository.isLoose(id) else { return false }
        loose.append(id)
        return true
      }
      guard loose.count >= max(threshold, 1) else { return 0 }
      return try repository.pack(loose)
    }
  }

  /// What `rigor run` calls after recording `result`: `packCommitsIfNeeded` for about one
  /// result in 16 (those whose id's first byte is below 16; ids are hashes, so this is
  /// deterministic yet spread evenly), so the walk that counts loose commits (a few ms) is paid
  /// rarely. Up to about `threshold` + 32 commits stay loose between packs.
  @discardableResult
  public func packCommitsOccasionally(after result: ObjectID, name: String, threshold: Int = 256) throws -> Int {
    guard result.bytes[0] < 16 else { return 0 }
    return try packCommitsIfNeeded(name: name, threshold: threshold)
  }
}
