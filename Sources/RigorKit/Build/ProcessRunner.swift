import Foundation

/// Runs a helper program (the compiler, `swift build`) to completion and collects its output;
/// the helper is killed if the runner dies first (``ParentDeathSignal``).
enum ProcessRunner {
  struct Result {
    var status: Int32
    var output: String
  }

  static func run(_ executable: URL, arguments: [String], currentDirectory: URL? = nil) throws -> Result {
    let process = Process()
    // The compiler dies with the runner instead of finishing an output nobody installs.
    let command = ParentDeathSignal.wrap([executable.path] + arguments)
    process.executableURL = URL(fileURLWithPath: command[0])
    process.arguments = Array(command.dropFirst())
    if let currentDirectory { process.currentDirectoryURL = currentDirectory }
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    process.standardInput = FileHandle.nullDevice
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Result(status: process.terminationStatus, output: String(decoding: data, as: UTF8.self))
  }
}
