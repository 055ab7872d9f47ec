import Foundation

/// Everything one run of a notebook program knows about itself: its seed, parameters, output
/// folder, the step running now, and what was recorded so far (to refuse duplicates).
///
/// The public functions (`record`, `figure`, ...) go through `RunState.shared`; tests build
/// their own instances and call the throwing methods directly.
final class RunState {
  /// Environment variable with the seed.
  static let seedKey = "RIGOR_SEED"
  /// Environment variable with the seed's output folder (figures/ and artifacts/ go there).
  static let outputKey = "RIGOR_OUTPUT_DIR"

  static let shared = RunState(environment: ProcessInfo.processInfo.environment)

  let channel: Channel?
  let seed: Int
  let outputDirectory: URL
  /// Parameters from the environment, or the error that parsing them raised.
  let parameters: Result<[String: ParameterValue], RigorRuntimeError>

  // Bookkeeping, guarded by `lock` (steps may call the API from several threads).
  let lock = NSLock()
  var currentStep = 0
  var metricSteps: [String: Int] = [:]
  var splitSteps: [String: Int] = [:]
  var fileSteps: [String: Int] = [:]
  var checkpointNames = Set<String>()
  var totalFileBytes = 0
  var lastProgressTime = -Double.infinity

  init(channel: Channel?, seed: Int, outputDirectory: URL, parametersJSON: String?) {
    self.channel = channel
    self.seed = seed
    self.outputDirectory = outputDirectory
    self.parameters = Result { try ParameterValue.parseObject(parametersJSON) }
      .mapError { $0 as? RigorRuntimeError ?? RigorRuntimeError("\($0)") }
  }

  convenience init(environment: [String: String]) {
    let channel = Channel.fromEnvironment(environment)
    let output = environment[RunState.outputKey].map { URL(fileURLWithPath: $0) }
      ?? URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent("rigor-output")
    self.init(
      channel: channel, seed: environment[RunState.seedKey].flatMap { Int($0) } ?? 0,
      outputDirectory: output, parametersJSON: environment[ParameterValue.environmentKey])
    if channel != nil {
      // Line buffering makes output reach the supervisor as it is printed, and a trap
      // loses at most the unfinished line instead of a whole buffer.
      setvbuf(stdout, nil, _IOLBF, 0)
    }
  }

  /// Reports a step error at the notebook location of the call, then ends the program.
  func fail(_ error: RigorRuntimeError, file: String, line: Int, column: Int) -> Never {
    var event = JSONLine(event: "error")
    event.add("step", currentStep)
    event.add("file", file)
    event.add("line", line)
    event.add("column", column)
    event.add("message", error.message)
    fflush(stdout)
    FileHandle.standardError.write(Data("\(file):\(line):\(column): error: \(error.message)\n".utf8))
    channel?.send(event)
    exit(1)
  }
}
