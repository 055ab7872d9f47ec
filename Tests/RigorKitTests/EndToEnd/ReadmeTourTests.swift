import Foundation
import Testing
@testable import RigorKit

/// The README's "A short tour" block, run command by command in a fresh clone of this
/// repository with the built `rigor`, so the first commands a new user types stay true.
@Suite(.serialized) struct ReadmeTourTests {
  static let packageRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

  /// The commands of the first ```sh block after the "A short tour" heading, comments dropped
  /// and `a && b` split into its commands.
  static func tourCommands(in readme: String) throws -> [[String]] {
    let lines = readme.components(separatedBy: "\n")
    let heading = try #require(lines.firstIndex(of: "## A short tour"), "README has no 'A short tour' section")
    let open = try #require(lines[heading...].firstIndex(of: "```sh"), "the tour has no ```sh block")
    let close = try #require(lines[(open + 1)...].firstIndex(of: "```"), "the tour's block is not closed")
    var commands: [[String]] = []
    for line in lines[(open + 1)..<close] {
      let code = line.components(separatedBy: " #").first ?? line
      for command in code.components(separatedBy: "&&") {
        let words = command.split(separator: " ").map(String.init)
        if !words.isEmpty { commands.append(words) }
      }
    }
    return commands
  }

  static func git(_ arguments: [String], in folder: URL) throws {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/git")
    process.arguments = arguments
    process.currentDirectoryURL = folder
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0, "git \(arguments.joined(separator: " ")) failed")
  }

  @Test func tourBlockParsesIntoRigorCommands() throws {
    let sample = """
      ## A short tour

      ```sh
      rigor run a.md --seeds 3   # run it
      rigor pull origin && rigor push origin
      ```
      """
    #expect(try Self.tourCommands(in: sample) == [
      ["rigor", "run", "a.md", "--seeds", "3"], ["rigor", "pull", "origin"], ["rigor", "push", "origin"],
    ])
  }

  @Test func everyTourCommandSucceedsInAFreshClone() throws {
    let rigor = try #require(
      KilledRunRepository.builtRigor(), "the rigor executable is not built beside the tests; run `swift build` first")
    let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("rigor-tour-\(UUID().uuidString.prefix(8))")
    try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: scratch) }
    // A bare origin, as a clone from a forge has, so `rigor push origin` has somewhere to go.
    try Self.git(["clone", "-q", "--bare", Self.packageRoot.path, "origin.git"], in: scratch)
    try Self.git(["clone", "-q", "origin.git", "clone"], in: scratch)
    let clone = scratch.appendingPathComponent("clone")
    try Self.git(["config", "user.name", "Tour"], in: clone)
    try Self.git(["config", "user.email", "tour@example.invalid"], in: clone)

    let readme = try String(contentsOf: clone.appendingPathComponent("README.md"), encoding: .utf8)
    let commands = try Self.tourCommands(in: readme)
    #expect(commands.count >= 8)
    for command in commands {
      #expect(command.first == "rigor", "the tour runs only rigor commands: \(command.joined(separator: " "))")
      let process = Process()
      process.executableURL = rigor
      process.arguments = Array(command.dropFirst())
      process.currentDirectoryURL = clone
      var environment = ProcessInfo.processInfo.environment
      environment["RIGOR_CACHE"] = scratch.appendingPathComponent("cache").path
      process.environment = environment
      let errors = Pipe()
      process.standardInput = FileHandle.nullDevice
      process.standardOutput = FileHandle.nullDevice
      process.standardError = errors
      try process.run()
      let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
      process.waitUntilExit()
      #expect(
        process.terminationStatus == 0,
        "`\(command.joined(separator: " "))` exited \(process.terminationStatus): \(stderr.suffix(600))")
    }
    // The tour's push reached the origin: the quick-start history is shared.
    let pushed = Process()
    pushed.executableURL = URL(fileURLWithPath: "/usr/bin/git")
    pushed.arguments = ["--git-dir", scratch.appendingPathComponent("origin.git").path, "rev-parse", "--verify", "-q", "refs/rigor/quickstart"]
    pushed.standardOutput = FileHandle.nullDevice
    try pushed.run()
    pushed.waitUntilExit()
    #expect(pushed.terminationStatus == 0, "refs/rigor/quickstart did not reach the origin")
  }
}
