/// An error at a notebook position, optionally tied to a step and seed.
public struct ErrorDocument: Codable, Sendable, Equatable {
  public var file: String
  public var line: Int
  public var column: Int
  public var step: Int?
  public var seed: Int?
  public var message: String

  public init(_ diagnostic: Diagnostic, step: Int? = nil, seed: Int? = nil) {
    file = diagnostic.location.file
    line = diagnostic.location.line
    column = diagnostic.location.column
    self.step = step
    self.seed = seed
    message = diagnostic.message
  }

  public func encode(to encoder: Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(file, forKey: .file)
    try c.encode(line, forKey: .line)
    try c.encode(column, forKey: .column)
    try c.encode(step, forKey: .step)
    try c.encode(seed, forKey: .seed)
    try c.encode(message, forKey: .message)
  }
}
