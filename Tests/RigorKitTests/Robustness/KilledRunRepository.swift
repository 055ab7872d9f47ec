import Foundation

/// A temporary git repository where the built `rigor` executable runs a small notebook and is
/// killed, with the checks that must hold afterwards (the small brother of `Scripts/kill-test`).
final class KilledRunRepository {
  static let name = "kill"
  static let seeds = [0, 1, 2]
  static let stepCount = 3
  static let notebook = """
    ---
    params:
      rounds: 100000
    seeds: 3
    ---

    # Kill test

    ```swift
    var rng = Xoshiro256(seed: UInt64(seed))
    var total = 0.0
    for _ in 0..<params.rounds { total += rng.nextDouble() }
    ```

    ```swift
    let mean = total / Double(params.rounds)
    record("mean", mean)
    ```

    ```swift
    print("mean", mean)
    ```

    ```claim
    id: mean-near-half
    says: The mean of uniform draws is about one half.
    metric: mean
    expect: "> 0.4"
    ```
    """

  /// Everything lives below this folder, so any process naming it is one a run started.
  let scratch: URL
  let root: URL
  let rigor: URL

  init(rigor: URL) throws {
    self.rigor = rigor
    scratch = FileManager.default.temporaryDirectory
      .appendingPathComponent("rigor-kill-\(UUID().uuidString.prefix(8))")
    root = scratch.appendingPathComponent("repo")
    try FileManager.default.createDirectory(
      at: root.appendingPathComponent("Notebooks"), withIntermediateDirectories: true)
    try Self.notebook.write(
      to: root.appendingPathComponent("Notebooks/\(Self.name).md"), atomically: true, encoding: .utf8)
    _ = try git(["init", "-q"])
  }

  deinit {
    for pid in orphans().map(\.pid) { kill(pid, SIGKILL) }
    try? FileManager.default.removeItem(at: scratch)
  }

  /// The `rigor` built beside this test bundle, or nil when `swift build` has not made it.
  static func builtRigor() -> URL? {
    guard let executable = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")
    else { return nil }
    let candidate = URL(fileURLWithPath: executable).deletingLastPathComponent().appendingPathComponent("rigor")
    return FileManager.default.isExecutableFile(atPath: candidate.path) ? candidate : nil
  }

  /// Starts `rigor run` on the notebook with the build cache in `cache` (a folder name).
  func start(cache: String) throws -> Process {
    let process = Process()
    process.executableURL = rigor
    process.arguments = ["run", "Notebooks/\(Self.name).md", "--jobs", "2"]
    process.currentDirectoryURL = root
    var environment = ProcessInfo.processInfo.environment
    environment["RIGOR_CACHE"] = scratch.appendingPathComponent(cache).path
    process.environment = environment
    process.standardInput = FileHandle.nullDevice
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    return process
  }

  /// Runs to the end; returns the exit status and the seconds it took.
  func run(cache: String) throws -> (status: Int32, seconds: Double) {
    let started = Date()
    let process = try start(cache: cache)
    process.waitUntilExit()
    return (process.terminationStatus, Date().timeIntervalSince(started))
  }

  /// Starts a run and kills it with SIGKILL after `delay` seconds; false when it ended first.
  func runAndKill(after delay: Double, cache: String) throws -> Bool {
    let process = try start(cache: cache)
    let deadline = Date().addingTimeInterval(delay)
    while process.isRunning, Date() < deadline { usleep(5_000) }
    guard process.isRunning else { return false }
    kill(process.processIdentifier, SIGKILL)
    process.waitUntilExit()
    return true
  }

  /// Live processes whose command line names the scratch folder: what a killed run left.
  func orphans() -> [(pid: pid_t, command: String)] {
    let marker = scratch.path
    var found: [(pid_t, String)] = []
    for entry in (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? [] {
      guard let pid = pid_t(entry), pid != getpid(),
        let data = FileManager.default.contents(atPath: "/proc/\(entry)/cmdline"),
        let stat = try? String(contentsOfFile: "/proc/\(entry)/stat", encoding: .utf8),
        let state = stat.split(separator: ")").last?.split(separator: " ").first, state != "Z"
      else { continue }
      let command = String(decoding: data.map { $0 == 0 ? 32 : $0 }, as: UTF8.self)
      if command.contains(marker) { found.append((pid, String(command.prefix(160)))) }
    }
    return found
  }

  /// True for the compiler and the tools it drives, by the command's program name.
  static func isCompiler(_ command: String) -> Bool {
    let program = command.split(separator: " ").first.map { URL(fileURLWithPath: String($0)).lastPathComponent } ?? ""
    return ["swiftc", "swift-frontend", "swift-driver", "clang", "ld", "ld.gold", "ld.lld"].contains(program)
  }

  /// Orphans still alive after `grace` seconds (a parent-death signal takes a moment).
  func orphans(after grace: Double) -> [(pid: pid_t, command: String)] {
    let deadline = Date().addingTimeInterval(grace)
    while true {
      let found = orphans()
      if found.isEmpty || Date() > deadline { return found }
      usleep(50_000)
    }
  }

  /// Commits on `refs/rigor/kill` whose message has the trailer `Rigor-Kind: result`.
  func resultCommits() throws -> [String] {
    let reference = "refs/rigor/\(Self.name)"
    guard try git(["rev-parse", "--verify", "-q", reference]).status == 0 else { return [] }
    let log = try git(["log", "--format=%H%x00%B%x01", reference]).output
    return log.split(separator: "\u{1}").compactMap { entry -> String? in
      let parts = entry.trimmingCharacters(in: .newlines).split(separator: "\0", maxSplits: 1)
      guard parts.count == 2 else { return nil }
      let isResult = parts[1].split(separator: "\n").contains { $0.trimmingCharacters(in: .whitespaces) == "Rigor-Kind: result" }
      return isResult ? String(parts[0]) : nil
    }
  }

  /// Why the result commit's tree is incomplete, or nil when it is complete.
  func incompleteness(of commit: String) throws -> String? {
    let files = Set(try git(["ls-tree", "-r", "--name-only", commit]).output.split(separator: "\n").map(String.init))
    guard files.contains("result.json") else { return "no result.json" }
    let json = try git(["show", "\(commit):result.json"]).output
    guard let object = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any] else {
      return "result.json does not parse"
    }
    guard (object["seeds"] as? [Int]) == Self.seeds else { return "result.json lists seeds \(object["seeds"] ?? "none")" }
    let runs = ((object["runs"] as? [[String: Any]]) ?? []).compactMap { $0["seed"] as? Int }.sorted()
    guard runs == Self.seeds else { return "result.json has runs for seeds \(runs)" }
    guard files.contains("report.html") else { return "no report.html" }
    for seed in Self.seeds {
      for step in 1...Self.stepCount where !files.contains("seeds/\(seed)/steps/\(step).txt") {
        return "no output of step \(step) for seed \(seed)"
      }
    }
    return nil
  }

  /// Writes an hour-old lock file at `path` (relative to `.git`), as a killed writer leaves it.
  func plantStaleLock(_ path: String) throws {
    let url = root.appendingPathComponent(".git").appendingPathComponent(path)
    try Data("stale\n".utf8).write(to: url)
    try FileManager.default.setAttributes(
      [.modificationDate: Date().addingTimeInterval(-3600)], ofItemAtPath: url.path)
  }

  func exists(_ path: String) -> Bool {
    FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path)
  }

  /// Runs plain git in the repository.
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
