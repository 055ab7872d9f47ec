import Foundation
import Testing
@testable import RigorKit

/// Names the environment the multi-process test passes to each child test process.
private enum ChildEnvironment {
  static let repository = "RIGOR_STORE_TEST_SHARED_REPOSITORY"
  static let output = "RIGOR_STORE_TEST_WRITER_OUTPUT"
}

@Suite("ResultStore across processes")
struct StoreProcessTests {
  /// One writer's work: register and record four runs, then check each of its results is on the
  /// reference. Alone it uses a fresh repository; as a child of `eightProcessesLoseNoRun` it
  /// writes to the shared one and reports its result ids to the parent.
  @Test func writerFindsEveryRunItRecordedOnTheReference() throws {
    let environment = ProcessInfo.processInfo.environment
    var ownFolder: StoreTemporaryFolder?
    let url: URL
    if let shared = environment[ChildEnvironment.repository] {
      url = URL(fileURLWithPath: shared)
    } else {
      ownFolder = try StoreTemporaryFolder()
      _ = try makeStoreProjectRepository(in: ownFolder!)
      url = ownFolder!.url
    }
    let store = ResultStore(repository: try GitRepository.open(at: url))
    var mine: [ObjectID] = []
    for run in 0..<4 {
      let registration = try store.register(
        notebook: "procs", notebookPath: "Notebooks/procs.md",
        files: ["registration.json": Data(storeText: "{\"pid\":\(getpid()),\"run\":\(run)}")], message: "register")
      mine.append(try store.record(
        registration, files: ["result.json": Data(storeText: "{\"pid\":\(getpid()),\"run\":\(run)}")],
        message: "result", trailers: [("Notebook", "Notebooks/procs.md")]))
    }
    let tip = try #require(try store.tip(name: "procs"))
    let reachable = Set(try store.repository.walk(from: [tip]))
    for result in mine { #expect(reachable.contains(result)) }
    if let output = environment[ChildEnvironment.output] {
      try Data(mine.map(\.description).joined(separator: "\n").utf8).write(to: URL(fileURLWithPath: output))
    }
  }

  @Test func eightProcessesLoseNoRun() throws {
    let folder = try StoreTemporaryFolder()
    _ = try makeStoreProjectRepository(in: folder)
    // This test binary itself, re-run with a filter so each child runs only the writer test.
    let binary = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
    let children = try (0..<8).map { index -> Process in
      let process = Process()
      process.executableURL = binary
      process.arguments = ["--testing-library", "swift-testing", "--filter", "writerFindsEveryRunItRecordedOnTheReference"]
      var environment = ProcessInfo.processInfo.environment
      environment[ChildEnvironment.repository] = folder.url.path
      environment[ChildEnvironment.output] = folder.url.appendingPathComponent(".git/writer-\(index).txt").path
      process.environment = environment
      process.standardOutput = FileHandle.nullDevice
      process.standardError = FileHandle.nullDevice
      try process.run()
      return process
    }
    for child in children { child.waitUntilExit() }
    #expect(children.map(\.terminationStatus) == Array(repeating: 0, count: 8))

    var results: [String] = []
    for index in 0..<8 {
      let output = folder.url.appendingPathComponent(".git/writer-\(index).txt")
      results += try String(contentsOf: output, encoding: .utf8).split(separator: "\n").map(String.init)
    }
    #expect(results.count == 32)
    let reachable = Set(
      try storeGit(["rev-list", "refs/rigor/procs"], in: folder.url).standardOutput.split(separator: "\n").map(String.init))
    for result in results { #expect(reachable.contains(result), "lost \(result)") }
    let history = try ResultStore(repository: try GitRepository.open(at: folder.url)).history(name: "procs")
    #expect(history.filter { $0.kind == .result }.count == 32)
    #expect(history.filter(\.isInterrupted).isEmpty)
    let fsck = try storeGit(["fsck", "--strict", "--no-progress"], in: folder.url)
    #expect(fsck.status == 0, "\(fsck.standardError)")
  }
}
