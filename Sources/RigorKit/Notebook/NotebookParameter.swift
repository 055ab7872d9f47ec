/// A parameter declared in front matter: its name, default value and where it was declared.
public struct NotebookParameter: Hashable, Sendable {
  public var name: String
  public var value: ParameterValue
  public var location: SourceLocation

  public init(name: String, value: ParameterValue, location: SourceLocation) {
    self.name = name
    self.value = value
    self.location = location
  }
}
