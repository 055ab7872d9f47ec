import Foundation
import RigorKit

// Fills a fresh repository with `prefill` recorded runs, then times the store's operations.
// Output: one line per operation with the median and the 10th/90th percentiles.

setvbuf(stdout, nil, _IOLBF, 0)

let prefill = CommandLine.arguments.count > 1 ? Int(CommandLine.arguments[1]) ?? 1000 : 1000
let samples = CommandLine.arguments.count > 2 ? Int(CommandLine.arguments[2]) ?? 200 : 200

/// CPU time of the measured calls on this thread: the machine is shared, and wall-clock
/// medians mostly measure other processes' load.
var cpuTimes: [Double] = []

func threadCPUNanoseconds() -> UInt64 {
  var time = timespec()
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
  return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
}

func milliseconds(_ body: () throws -> Void) rethrows -> Double {
  let cpuStart = threadCPUNanoseconds()
  let start = DispatchTime.now().uptimeNanoseconds
  try body()
  let wall = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
  cpuTimes.append(Double(threadCPUNanoseconds() - cpuStart) / 1e6)
  return wall
}

func report(_ label: String, _ times: [Double], cpu: [Double]) {
  func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }
  let sorted = times.sorted()
  func percentile(_ p: Double) -> Double { sorted[min(sorted.count - 1, Int(Double(sorted.count) * p))] }
  print(
    label.padding(toLength: 46, withPad: " ", startingAt: 0)
      + String(
        format: "wall median %7.2f ms  p10 %7.2f  p90 %7.2f  | cpu median %7.2f ms  (n=%d)", median(times),
        percentile(0.1), percentile(0.9), median(cpu), sorted.count))
}

/// Times `body` `count` times and reports wall and CPU medians.
func measure(_ label: String, count: Int, _ body: (Int) throws -> Void) rethrows {
  var wall: [Double] = []
  cpuTimes = []
  for index in 0..<count { wall.append(try milliseconds { try body(index) }) }
  report(label, wall, cpu: cpuTimes)
}

/// A result folder like a 5-seed, 3-step run's: result.json, step outputs, a figure, a report.
func resultFiles(run: Int) -> [String: Data] {
  var files: [String: Data] = [:]
  let claims = (0..<4).map { "{\"id\":\"c\($0)\",\"tier\":\(($0 + run) % 4),\"value\":\(Double(run) * 0.001 + Double($0))}" }
  files["result.json"] = Data("{\"schema\":1,\"run\":\(run),\"claims\":[\(claims.joined(separator: ","))],\"padding\":\"\(String(repeating: "x", count: 3000))\"}".utf8)
  for seed in 0..<5 {
    for step in 1...3 {
      files["seeds/\(seed)/steps/\(step).txt"] = Data("seed \(seed) step \(step) run \(run)\nloss 0.\(run % 97)\n".utf8)
    }
    files["seeds/\(seed)/figures/loss.svg"] = Data("<svg><path d=\"M0 0 L\(run) \(seed)\"/></svg>".utf8)
  }
  files["report.html"] = Data(("<html>" + String(repeating: "<p>report \(run)</p>", count: 2000) + "</html>").utf8)
  return files
}

let trailers: [(String, String)] = [
  ("Notebook", "Notebooks/bench.md"), ("Notebook-Blob", String(repeating: "a", count: 40)),
  ("Source-Commit", String(repeating: "b", count: 40)), ("Source-Dirty", "false"),
]

var template = Array((NSTemporaryDirectory() + "/rigor-store-bench-XXXXXX").utf8CString)
let folder = URL(fileURLWithPath: String(cString: mkdtemp(&template)!), isDirectory: true)
/// Removes the scratch repository; called before every exit (top-level `defer` does not run).
func finish() -> Never {
  try? FileManager.default.removeItem(at: folder)
  exit(0)
}

let store = ResultStore(repository: try GitRepository.create(at: folder))
print("repository: \(folder.path)")
print("prefilling \(prefill) recorded runs (register + record each)...")
let fillStart = Date()
for run in 0..<prefill {
  let registration = try store.register(
    notebook: "bench", notebookPath: "Notebooks/bench.md",
    files: ["registration.json": Data("{\"run\":\(run)}".utf8)], message: "Register bench")
  _ = try store.record(registration, files: resultFiles(run: run), message: "Run bench \(run)", trailers: trailers)
}
print(String(format: "prefill: %.2f s (%.2f ms per run)", Date().timeIntervalSince(fillStart), Date().timeIntervalSince(fillStart) * 1000 / Double(prefill)))

if ProcessInfo.processInfo.environment["STORE_BENCH_PROFILE_READS"] != nil {
  // Profiling aid: only read the history, so `perf record` sees the read path.
  let tip = try store.tip(name: "bench")!
  try measure("history (profiling)", count: 40) { _ in _ = try store.history(name: "bench") }
  try measure("revwalk only (profiling)", count: 40) { _ in _ = try store.repository.walk(from: [tip]) }
  finish()
}

if let mode = ProcessInfo.processInfo.environment["STORE_BENCH_PROFILE_WRITES"] {
  // Profiling aid: pack (unless mode is "loose"), then only write, so `perf record` sees the
  // write path.
  if mode != "loose" { try store.repository.packLooseObjects() }
  // On ext4 without a journal, creating files is slow for ~30 s after many were deleted (the
  // inode allocator skips recently freed inodes); this lets that pass.
  let settle = Double(ProcessInfo.processInfo.environment["STORE_BENCH_SETTLE"] ?? "0") ?? 0
  if settle > 0 { usleep(UInt32(settle * 1_000_000)) }
  try measureWrites("\(mode), profiling", firstRun: prefill)
  finish()
}

func measureWrites(_ label: String, firstRun: Int) throws {
  var registrations: [Registration] = []
  try measure("register (\(label))", count: samples) { sample in
    registrations.append(try store.register(
      notebook: "bench", notebookPath: "Notebooks/bench.md",
      files: ["registration.json": Data("{\"sample\":\(firstRun + sample)}".utf8)], message: "Register bench"))
  }
  // Record in registration order: the first records fast-forward nothing (the tip moved on),
  // so they are merges, the harder case.
  let allFiles = (0..<samples).map { resultFiles(run: firstRun + $0) }
  try measure("record one result (\(label))", count: samples) { sample in
    _ = try store.record(registrations[sample], files: allFiles[sample], message: "Run bench", trailers: trailers)
  }
  // The common case: register, then record on the unchanged tip (a fast-forward).
  var pending: Registration!
  var fastForwardWall: [Double] = []
  var fastForwardCPU: [Double] = []
  for sample in 0..<samples {
    pending = try store.register(
      notebook: "bench", notebookPath: "Notebooks/bench.md",
      files: ["registration.json": Data("{\"ff\":\(firstRun + sample)}".utf8)], message: "Register bench")
    let files = resultFiles(run: firstRun + samples + sample)
    cpuTimes = []
    fastForwardWall.append(try milliseconds {
      _ = try store.record(pending, files: files, message: "Run bench", trailers: trailers)
    })
    fastForwardCPU += cpuTimes
  }
  report("record one result, fast-forward (\(label))", fastForwardWall, cpu: fastForwardCPU)
}

/// Reads through a freshly opened store each time, as one `rigor log`/`show` process would:
/// libgit2's object cache starts empty (the OS page cache stays warm).
func measureReads(_ label: String) throws {
  func fresh() throws -> ResultStore { ResultStore(repository: try GitRepository.open(at: folder)) }
  let tip = try store.tip(name: "bench")!
  let count = try store.repository.walk(from: [tip]).count
  let results = try store.history(name: "bench").filter { $0.kind == .result }.count
  try measure("open repository (\(label))", count: 20) { _ in _ = try fresh() }
  try measure("revwalk only, \(count) commits (\(label))", count: 20) { _ in
    _ = try fresh().repository.walk(from: [tip])
  }
  try measure("history, \(count) commits, \(results) results (\(label))", count: 20) { _ in
    _ = try fresh().history(name: "bench")
  }
  try measure("history --limit 50 (\(label))", count: 20) { _ in
    _ = try fresh().history(name: "bench", limit: 50)
  }
  try measure("latest result + its result.json (\(label))", count: 20) { _ in
    _ = try fresh().latestResult(name: "bench")?.readFile("result.json")
  }
  try measure("result.json of the newest 200 results (\(label))", count: 20) { _ in
    for run in try fresh().history(name: "bench", limit: 400) where run.kind == .result {
      _ = try run.readFile("result.json")
    }
  }
  let target = folder.appendingPathComponent("Results/bench")
  try measure("refresh Results/bench, 22 files (\(label))", count: 20) { _ in
    try store.refreshWorkingFolder(name: "bench", from: tip, into: target)
  }
}

try measureWrites("loose", firstRun: prefill)
try measureReads("loose")
print("loose objects: \(store.repository.looseObjectIDs().count)")
var packed = 0
cpuTimes = []
let packTime = try milliseconds { packed = try store.repository.packLooseObjects() }
print(String(format: "packed %d loose objects into one pack: wall %.1f ms, cpu %.1f ms", packed, packTime, cpuTimes[0]))
try measureReads("packed")
try measureWrites("packed", firstRun: prefill + 2 * samples)
var autoPacks: [Double] = []
cpuTimes = []
var autoPackCPU: [Double] = []
for run in 0..<200 {
  let registration = try store.register(
    notebook: "bench", notebookPath: "Notebooks/bench.md", files: ["registration.json": Data("{}".utf8)],
    message: "Register bench")
  _ = try store.record(registration, files: resultFiles(run: 5000 + run), message: "Run bench", trailers: trailers)
  var count = 0
  cpuTimes = []
  let time = try milliseconds { count = try store.packIfNeeded() }
  if count > 0 {
    autoPacks.append(time)
    autoPackCPU += cpuTimes
  }
}
if !autoPacks.isEmpty { report("packIfNeeded when it packed (200 more runs)", autoPacks, cpu: autoPackCPU) }
print("lost races: \(store.lostRaces)")
finish()
