import Foundation

extension ResultStore {
  /// The files that differ between two recorded commits (nil `old`: everything is added), for
  /// `rigor diff`.
  public func changedFiles(from old: ObjectID?, to new: ObjectID) throws -> [GitFileChange] {
    try locked { try repository.changedFiles(from: old, to: new) }
  }
}
