/// How a notebook run ended as a whole: the run level of the result vocabulary (docs/CLI-JSON.md).
///
/// Each level has one status type: ``RunStatus`` for a run, ``SeedStatus`` for one seed's
/// process, ``StepStatus`` for one step; the runner, the judge and the JSON documents share them.
public enum RunStatus: String, Codable, Sendable {
  case ok, invalid, failed
  case compileError = "compile_error"
  case timedOut = "timed_out"
}
