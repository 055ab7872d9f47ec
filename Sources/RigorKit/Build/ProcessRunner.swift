import Foundation

/// Runs a short-lived helper program (the compiler, `swift build`) and collects its output.
enum ProcessRunner {
  struct Result {
    var status: Int32
    var output: String
  }

  static func run(_ executable: URL, arguments: [String], currentDirectory: URL? = nil) throws -> Result {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
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
