/// Why an `expect` text is not a valid expectation.
public struct ExpectationError: Error, Hashable, Sendable, CustomStringConvertible {
  /// What is wrong, in plain words.
  public var message: String
  /// The 0-based character offset in the text where the problem is.
  public var offset: Int

  public init(message: String, offset: Int) {
    self.message = message
    self.offset = offset
  }

  public var description: String { message }
}
