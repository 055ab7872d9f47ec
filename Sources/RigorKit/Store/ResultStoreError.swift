import Foundation

/// A result-store failure that is not a single libgit2 call's error (those are `GitError`).
public enum ResultStoreError: Error, Hashable, Sendable, CustomStringConvertible {
  /// The notebook name cannot be part of a git reference name.
  case invalidNotebookName(String, reason: String)
  /// A trailer key or value cannot be written as a git trailer.
  case invalidTrailer(key: String, reason: String)
  /// Other writers kept winning the compare-and-swap (or kept the `.lock` file) until the
  /// store gave up.
  case contention(reference: String, attempts: Int, seconds: Double, lastError: GitError)
  /// Git cannot store `reference` beside `existing` (one names a folder of the other), e.g.
  /// notebooks `examples` and `examples/tier2`.
  case referenceClash(reference: String, existing: String)
  /// The remote refused some references during `push`; the others were pushed.
  case pushRejected(remote: String, rejections: [GitRepository.PushRejection])
  /// Writing the working folder (`Results/NAME/`) failed.
  case fileSystem(operation: String, path: String, reason: String)

  public var description: String {
    switch self {
    case .invalidNotebookName(let name, let reason):
      return "the notebook name '\(name)' cannot name a results reference: \(reason)"
    case .invalidTrailer(let key, let reason):
      return "the commit trailer '\(key)' is invalid: \(reason)"
    case .contention(let reference, let attempts, let seconds, let lastError):
      var text = "gave up updating \(reference) after \(attempts) attempts in "
        + String(format: "%.1f", seconds) + " s: \(lastError)"
      if lastError.isLostRace && lastError.code == -14 {
        text += "; if no rigor or git process is running, remove \(reference).lock under the .git folder"
      }
      return text
    case .referenceClash(let reference, let existing):
      return "cannot record to \(reference): git cannot keep it beside \(existing) (one would be a folder "
        + "of the other); rename one of the notebooks"
    case .pushRejected(let remote, let rejections):
      let list = rejections.map { "\($0.reference) (\($0.reason))" }.joined(separator: ", ")
      return "\(remote) refused \(list); run `rigor pull \(remote)` to merge its runs, then push again"
    case .fileSystem(let operation, let path, let reason):
      return "could not \(operation) \(path): \(reason)"
    }
  }
}
