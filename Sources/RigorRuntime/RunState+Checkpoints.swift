import Foundation

extension RunState {
  /// Locates `name` in `store` and reports it on the channel once per run.
  func checkpoint(_ name: String, store: CheckpointStore) throws -> URL {
    let (entry, folder) = try store.locate(name)
    let (step, first) = lock.withLock { () -> (Int, Bool) in
      (currentStep, checkpointNames.insert(name).inserted)
    }
    guard first else { return folder }
    var event = JSONLine(event: "checkpoint")
    event.add("step", step)
    event.add("name", entry.name)
    event.add("kind", entry.kind ?? "")
    event.add("source", entry.source ?? "")
    event.add("files", objects: entry.files.map { [("path", $0.path), ("sha256", $0.sha256)] })
    if let channel {
      channel.send(event)
    } else {
      FileHandle.standardError.write(Data("checkpoint \(name): \(folder.path)\n".utf8))
    }
    return folder
  }
}
