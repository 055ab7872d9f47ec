import Foundation

/// Everything one run of a notebook program knows about itself: its seed, parameters, output
/// folder, the step running now, and what was recorded so far (to refuse duplicates).
///
/// The public functions (`record`, `figure`, ...) go through `RunState.shared`; tests build
/// their own instances and call the throwing methods directly.
final class RunState {

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
  var metricSplits: [MetricOnSplit] = []
  var fileSteps: [String: Int] = [:]
  var checkpointNames = Set<String>()
  var totalFileBytes = 0
  var lastProgressTime = -Double.infinity

  init(channel: Channel?, seed: Int, outputDirectory: URL, parameters: Result<[String: ParameterValue], RigorRuntimeError>) {
    self.channel = channel
    self.seed = seed
    self.outputDirectory = outputDirectory
    self.parameters = parameters
  }

  /// A state whose parameters are the inline JSON `parametersJSON` (nil: none).
  convenience init(channel: Channel?, seed: Int, outputDirectory: URL, parametersJSON: String?) {
    self.init(
      channel: channel, seed: seed, outputDirectory: outputDirectory,
      parameters: RunState.catching {
        try ParameterValue.fromEnvironment(parametersJSON.map { [ChannelEnvironment.parametersInline: $0] } ?? [:])
      })
  }

  static func catching(_ body: () throws -> [String: ParameterValue]) -> Result<[String: ParameterValue], RigorRuntimeError> {
    Result { try body() }.mapError { $0 as? RigorRuntimeError ?? RigorRuntimeError("\($0)") }
  }

  convenience init(environment: [String: String]) {
    let channel = Channel.fromEnvironment(environment)
    let output = environment[ChannelEnvironment.outputDirectory].map { URL(fileURLWithPath: $0) }
      ?? URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent("rigor-output")
    self.init(
      channel: channel, seed: environment[ChannelEnvironment.seed].flatMap { Int($0) } ?? 0,
      outputDirectory: output, parameters: RunState.catching { try ParameterValue.fromEnvironment(environment) })
    if channel != nil {
      // Line buffering makes output reach the supervisor as it is printed, and a trap
      // loses at most the unfinished line instead of a whole buffer.
      setvbuf(stdout, nil, _IOLBF, 0)
    }
  }

  /// Reports a step error at the notebook location of the call, then ends the program.
  func fail(_ error: RigorRuntimeError, file: String, line: Int, column: Int) -> Never {
    let event = ChannelEvent(
      .error,
      [
        .step: .integer(currentStep), .file: .text(file), .line: .integer(max(1, line)),
        .column: .integer(max(1, column)), .message: .text(String(decoding: error.message.utf8.prefix(RigorLimits.maxTextBytes / 2), as: UTF8.self)),
      ])
    fflush(stdout)
    FileHandle.standardError.write(Data("\(file):\(line):\(column): error: \(error.message)\n".utf8))
    channel?.send(event)
    exit(1)
  }
}
