import Foundation
@testable import RigorKit

/// A throwaway git repository with notebooks, and `rigor` run in-process against it.
final class ScratchRepository {
  let root: URL

  init() throws {
    root = FileManager.default.temporaryDirectory
      .appendingPathComponent("rigor-e2e-\(UUID().uuidString.prefix(8))")
    try FileManager.default.createDirectory(
      at: root.appendingPathComponent("Notebooks"), withIntermediateDirectories: true)
    _ = try GitRepository.create(at: root)
  }

  deinit { try? FileManager.default.removeItem(at: root) }

  /// Writes `Notebooks/NAME.md` and returns its absolute path.
  @discardableResult
  func notebook(_ name: String, _ text: String) throws -> String {
    let url = root.appendingPathComponent("Notebooks/\(name).md")
    try text.write(to: url, atomically: true, encoding: .utf8)
    return url.path
  }

  struct Outcome {
    var status: Int32
    var stdout: String
    var stderr: String

    /// The JSON array `--format json` prints, decoded.
    func documents() throws -> [RunDocument] {
      try JSONDecoder().decode([RunDocument].self, from: Data(stdout.utf8))
    }
  }

  /// Runs `rigor ARGUMENTS` in-process and captures both streams.
  func rigor(_ arguments: [String]) -> Outcome {
    let out = Captured()
    let err = Captured()
    let console = Console(out: { out.append($0) }, err: { err.append($0) })
    let status = RigorCLI.run(arguments, console: console)
    return Outcome(status: status, stdout: out.text, stderr: err.text)
  }

  /// Runs plain git (tests only) to check what libgit2 wrote.
  func git(_ arguments: [String]) throws -> (status: Int32, output: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/git")
    process.arguments = ["-C", root.path] + arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
  }
}

final class Captured: @unchecked Sendable {
  private let lock = NSLock()
  private var buffer = ""
  func append(_ text: String) { lock.withLock { buffer += text } }
  var text: String { lock.withLock { buffer } }
}
