/// A failure to load or configure a pretrained encoder or its tokenizer, naming the file.
public struct EncoderError: Error, Equatable, CustomStringConvertible {
  /// The file or folder involved.
  public var file: String
  /// What is wrong with it.
  public var problem: String

  public init(file: String, problem: String) {
    self.file = file
    self.problem = problem
  }

  public var description: String { "\(file): \(problem)" }
}
