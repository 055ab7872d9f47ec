import Foundation
import RigorKit

// Usage: RunPhases REPOSITORY NOTEBOOK_PATH RESULTS_NAME [SAMPLES=15]
// Environment: RIGOR_INTERP_BUILD (the release folder holding libInterp.so), RIGOR_CACHE.
//
// Times, in-process, the stages `rigor run` goes through for one notebook, each repeated
// SAMPLES times, with the public RigorKit API (the stages that are internal to RigorKit are
// re-enacted with the same calls they make). Prints wall median and the median CPU of the
// process and its reaped children (bubblewrap, the seeds). A measurement, not a test.

setvbuf(stdout, nil, _IOLBF, 0)
let arguments = CommandLine.arguments
guard arguments.count >= 4 else {
  FileHandle.standardError.write(Data("usage: RunPhases REPOSITORY NOTEBOOK_PATH RESULTS_NAME [SAMPLES]\n".utf8))
  exit(2)
}
let root = URL(fileURLWithPath: arguments[1])
let notebookPath = arguments[2]
let resultsName = arguments[3]
let samples = arguments.count > 4 ? Int(arguments[4]) ?? 15 : 15
let notebookURL = root.appendingPathComponent(notebookPath)

func cpuSeconds() -> Double {
  var own = rusage()
  var children = rusage()
  getrusage(RUSAGE_SELF.rawValue, &own)
  getrusage(RUSAGE_CHILDREN.rawValue, &children)
  func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
  return seconds(own.ru_utime) + seconds(own.ru_stime) + seconds(children.ru_utime) + seconds(children.ru_stime)
}

func phase(_ label: String, count: Int = samples, _ body: () throws -> Void) rethrows {
  var walls: [Double] = []
  var cpus: [Double] = []
  for _ in 0..<count {
    let cpu = cpuSeconds()
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    walls.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
    cpus.append((cpuSeconds() - cpu) * 1000)
  }
  func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }
  print(label.padding(toLength: 58, withPad: " ", startingAt: 0)
    + String(format: "wall %8.2f ms   CPU %8.2f ms   (n=%d)", median(walls), median(cpus), count))
}

do {
  var repository: GitRepository!
  try phase("discover the repository (libgit2)") { repository = try GitRepository.discover(from: notebookURL.deletingLastPathComponent()) }
  let store = ResultStore(repository: repository)
  var notebook: Notebook!
  try phase("read + parse the notebook (cmark, YAML)") {
    notebook = try NotebookParser().load(contentsOf: notebookURL, path: notebookPath).notebook
  }
  var toolchain: InterpToolchain!
  try phase("locate the toolchain (RIGOR_INTERP_BUILD)") { toolchain = try InterpToolchain.locate() }
  let cache = BuildCache.standard()
  var binary: URL!
  try phase("generate source + content key + cache lookup") {
    let outcome = try StepCompiler(toolchain: toolchain, cache: cache).compile(notebook, workingDirectory: root)
    guard outcome.cached, let found = outcome.binary else {
      FileHandle.standardError.write(Data("the notebook is not in the build cache; run it once first\n".utf8))
      exit(1)
    }
    binary = found
  }
  try phase("sandbox probe (bwrap ... /usr/bin/true)") { _ = Sandbox.probe() }

  let scratch = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("run-phases-\(getpid())")
  defer { try? FileManager.default.removeItem(at: scratch) }
  func launches(_ seeds: Range<Int>, sandboxed: Bool, round: Int) throws -> [SeedLaunch] {
    try seeds.map { seed in
      let output = scratch.appendingPathComponent("\(round)/seeds/\(seed)")
      let work = scratch.appendingPathComponent("\(round)/scratch/\(seed)")
      try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
      try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
      return SeedLaunch(
        binary: binary, seed: seed, outputDirectory: output, scratchDirectory: work, sandboxed: sandboxed,
        sourcePath: notebookPath, steps: notebook.steps.map { SeedLaunch.Step(index: $0.index, line: $0.line) },
        readOnlyPaths: [binary.deletingLastPathComponent(), toolchain.libraryFolder])
    }
  }
  var round = 0
  for (label, seeds, sandboxed) in [
    ("1 seed, sandboxed", 0..<1, true), ("1 seed, --no-sandbox", 0..<1, false),
    ("5 seeds, sandboxed, 2 jobs", 0..<5, true),
  ] {
    try phase("run \(label)") {
      round += 1
      let batch = try launches(seeds, sandboxed: sandboxed, round: round)
      for result in SeedScheduler(jobs: nil).run(batch) {
        if case .failure(let error) = result { throw error }
      }
    }
  }
  try phase("ledger: history + every result.json of \(resultsName)") {
    for run in try store.history(name: resultsName) where run.kind == .result {
      if let data = try run.readFile("result.json") { _ = try JSONSerialization.jsonObject(with: data) }
    }
  }
  try phase("environment: Interp source identity (hash every file)") {
    let folder = toolchain.packageRoot.appendingPathComponent("Sources/Interp")
    var parts: [String] = []
    for case let file as URL in FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)!
    where file.pathExtension == "swift" {
      parts.append("\(file.path) \(ContentKey(try Data(contentsOf: file)).hex)")
    }
    _ = ContentKey(parts.sorted())
  }
  try phase("source state (HEAD + dirty work tree, for trailers)") { _ = try store.sourceState() }
  var registration: Registration!
  try phase("register (2 files)", count: samples) {
    registration = try store.register(
      notebook: "phases-bench", notebookPath: notebookPath,
      files: ["registration.json": Data("{}".utf8), "notebook.md": Data(notebook.text.utf8)], message: "phases")
  }
  let resultFiles: [String: Data] = [
    "result.json": Data(String(repeating: "x", count: 3000).utf8), "report.html": Data(String(repeating: "<p>r</p>", count: 4000).utf8),
    "seeds/0/steps/1.txt": Data("a\n".utf8), "seeds/0/steps/2.txt": Data("b\n".utf8), "seeds/0/steps/3.txt": Data("1 2\n".utf8),
  ]
  var commit: ObjectID!
  try phase("record (5 files, merge onto the moved tip)") {
    commit = try store.record(registration, files: resultFiles, message: "phases", trailers: [("Source-Dirty", "true")])
  }
  try phase("refresh the working folder (5 files)") {
    try store.refreshWorkingFolder(name: "phases-bench", from: commit, into: scratch.appendingPathComponent("Results/phases-bench"))
  }
} catch {
  FileHandle.standardError.write(Data("RunPhases failed: \(error)\n".utf8))
  exit(1)
}
