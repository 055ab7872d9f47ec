/// How one step ended in one seed, or its worst over seeds: the step level of the result
/// vocabulary (docs/CLI-JSON.md).
public enum StepStatus: String, Codable, Sendable, Comparable {
  case ok, skipped, failed
  case timedOut = "timed_out"

  /// failed > timed_out > skipped > ok (docs/CLI-JSON.md).
  var severity: Int {
    switch self {
    case .ok: 0
    case .skipped: 1
    case .timedOut: 2
    case .failed: 3
    }
  }

  public static func < (a: StepStatus, b: StepStatus) -> Bool { a.severity < b.severity }
}
