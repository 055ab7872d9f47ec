/// A step as the notebook declares it, with its worst status over seeds.
public struct StepDocument: Codable, Sendable, Equatable {
  public var index: Int
  public var line: Int
  public var status: StepStatus?
  public var code: String

  public init(index: Int, line: Int, status: StepStatus?, code: String) {
    self.index = index
    self.line = line
    self.status = status
    self.code = code
  }
}
