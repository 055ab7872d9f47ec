/// Whether one part of a claim's prediction (`expect`, `control`, `baseline`) is borne out.
public enum PartOutcome: String, Codable, Sendable, Hashable {
  /// The interval evidence is on the predicted side of the line.
  case holds
  /// The interval evidence is clearly on the other side.
  case fails
  /// The interval straddles the line (or the test is not significant): more seeds might decide.
  case undecided
}
