/// An error of a seed, located in the notebook, with the step it happened in (nil when the
/// program failed before its first step, e.g. on a bad parameter).
public struct StepError: Sendable, Codable, Hashable {
  public var step: Int?
  public var diagnostic: Diagnostic
}
