import Foundation

extension ResultStore {
  /// Packs the repository's loose objects when there are about `looseObjectThreshold` or more,
  /// and returns how many objects it packed (0 when it did nothing).
  ///
  /// The runner calls this after recording a result; with the default threshold a pack is made
  /// about every 40 runs of a typical notebook, in a few tens of milliseconds.
  @discardableResult
  public func packIfNeeded(looseObjectThreshold: Int = 2560) throws -> Int {
    try locked {
      guard repository.estimatedLooseObjectCount() >= looseObjectThreshold else { return 0 }
      return try repository.packLooseObjects()
    }
  }
}
