import Foundation
import RigorProtocol

extension RunState {
  /// Locates `name` in `store` and reports it on the channel once per run.
  func checkpoint(_ name: String, store: CheckpointStore) throws -> URL {
    let (entry, folder) = try store.locate(name)
    let (step, first) = lock.withLock { () -> (Int, Bool) in
      (currentStep, checkpointNames.insert(name).inserted)
    }
    guard first else { return folder }
    let files = entry.files.map { "\($0.sha256) \($0.path)\n" }.joined()
    let event = ChannelEvent(
      .checkpoint,
      [
        .step: .integer(step), .name: .text(entry.name), .kind: .text(entry.kind ?? ""),
        .source: .text(entry.source ?? ""), .files: .text(files),
      ])
    if let channel {
      channel.send(event)
    } else {
      FileHandle.standardError.write(Data("checkpoint \(name): \(folder.path)\n".utf8))
    }
    return folder
  }
}
