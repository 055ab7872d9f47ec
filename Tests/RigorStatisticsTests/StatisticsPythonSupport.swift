import Foundation

/// Runs short python3 scripts for tests that compare against numpy/scipy live.
enum Python {
  /// Whether `python3` with scipy is available on this machine.
  static let hasScipy: Bool = (try? run("import scipy, numpy; print('ok')"))?.hasPrefix("ok") ?? false

  struct Failure: Error, CustomStringConvertible {
    var status: Int32
    var stderr: String
    var description: String { "python3 exited with \(status): \(stderr)" }
  }

  /// Runs `script` with `python3 -c` and returns its standard output.
  static func run(_ script: String) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", "-c", script]
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    let errData = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
      throw Failure(status: process.terminationStatus, stderr: String(decoding: errData, as: UTF8.self))
    }
    return String(decoding: data, as: UTF8.self)
  }
}
