/// A misuse of the runtime API by a step: a bad name, a duplicate record, a non-finite value,
/// a cap exceeded, or a file that could not be written.
///
/// Inside a run it becomes an `error` event on the channel, located at the notebook line of
/// the call, and the program exits with failure; the step is then reported as failed.
public struct RigorRuntimeError: Error, Equatable, CustomStringConvertible {
  /// What went wrong, in words a notebook author understands.
  public var message: String

  public init(_ message: String) { self.message = message }

  public var description: String { message }
}
