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
}
