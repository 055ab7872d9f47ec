import Foundation

extension RunState {

  /// Writes a figure as `figures/NAME.svg`; a trailing `.svg` in the name is accepted.
  func writeFigure(_ name: String, svg: String) throws {
    let base = name.hasSuffix(".svg") ? String(name.dropLast(4)) : name
    try NameRules.checkFileName(base, kind: "figure")
    let data = Data(svg.utf8)
    guard data.count <= RigorLimits.maxFigureBytes else {
      throw RigorRuntimeError(
        "figure '\(base)' is \(data.count) bytes; the limit is \(RigorLimits.maxFigureBytes)")
    }
    try writeFile(folder: "figures", fileName: base + ".svg", data: data, kind: "figure", name: base)
  }

  /// Writes an artifact as `artifacts/NAME`.
  func writeArtifact(_ name: String, data: Data) throws {
    try NameRules.checkFileName(name, kind: "artifact")
    guard data.count <= RigorLimits.maxArtifactBytes else {
      throw RigorRuntimeError(
        "artifact '\(name)' is \(data.count) bytes; the limit is \(RigorLimits.maxArtifactBytes)")
    }
    try writeFile(folder: "artifacts", fileName: name, data: data, kind: "artifact", name: name)
  }

  private func writeFile(folder: String, fileName: String, data: Data, kind: String, name: String) throws {
    let relative = folder + "/" + fileName
    let step = try lock.withLock { () throws -> Int in
      if let earlier = fileSteps[relative] {
        throw RigorRuntimeError("\(kind) '\(name)' was already written in step \(earlier)")
      }
      guard fileSteps.count < RigorLimits.maxFiles else {
        throw RigorRuntimeError("more than \(RigorLimits.maxFiles) figures and artifacts written")
      }
      guard totalFileBytes + data.count <= RigorLimits.maxTotalFileBytes else {
        throw RigorRuntimeError(
          "\(kind) '\(name)' would bring this seed's files past \(RigorLimits.maxTotalFileBytes) bytes")
      }
      fileSteps[relative] = currentStep
      totalFileBytes += data.count
      return currentStep
    }
    let directory = outputDirectory.appendingPathComponent(folder, isDirectory: true)
    do {
      try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
      try data.write(to: directory.appendingPathComponent(fileName))
    } catch {
      throw RigorRuntimeError("could not write \(kind) '\(name)' to \(directory.path): \(error.localizedDescription)")
    }
    let event = ChannelEvent(
      kind == "figure" ? .figure : .artifact,
      [.step: .integer(step), .name: .text(name), .path: .text(relative), .bytes: .integer(data.count)])
    channel?.send(event)
  }
}
