/// A problem found in a user's input, reported as `FILE:LINE:COLUMN: error: MESSAGE`.
///
/// Every error a user can cause (bad front matter, a malformed claim, a compile error, a trap
/// in a step) ends up as a `Diagnostic`, so the terminal, the JSON `errors` array and editors
/// all see the same location and words.
public struct Diagnostic: Error, Hashable, Codable, Sendable, CustomStringConvertible {
  public enum Severity: String, Codable, Sendable { case error, warning, note }

  public var location: SourceLocation
  public var severity: Severity
  public var message: String

  public init(_ message: String, at location: SourceLocation, severity: Severity = .error) {
    self.message = message
    self.location = location
    self.severity = severity
  }

  public var description: String { "\(location): \(severity.rawValue): \(message)" }
}
