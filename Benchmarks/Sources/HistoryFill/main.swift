import Foundation
import RigorKit

// Usage: HistoryFill REPOSITORY NAME COUNT
//
// Takes the newest real run of notebook NAME (its registration and result, as `rigor run`
// wrote them) and records COUNT more runs like it through the store API: the same files and
// trailers, with every metric value in result.json shifted per run so that results differ.
// Much faster than COUNT real runs (no compile, no seeds), and `rigor log`/`diff` read these
// commits exactly as they read real ones. After each run it calls `packCommitsOccasionally` as
// `rigor run` does, and prints the CPU time that took.

setvbuf(stdout, nil, _IOLBF, 0)
let arguments = CommandLine.arguments
guard arguments.count == 4, let count = Int(arguments[3]) else {
  FileHandle.standardError.write(Data("usage: HistoryFill REPOSITORY NAME COUNT\n".utf8))
  exit(2)
}
let name = arguments[2]

/// Trailers the store writes itself, dropped when copying a commit's trailers.
let ownTrailers: Set<String> = ["rigor-kind", "notebook"]

func copiedTrailers(_ run: RecordedRun, keepNotebook: Bool) -> [(String, String)] {
  run.trailers.filter { trailer in
    let key = trailer.key.lowercased()
    return !ownTrailers.contains(key) || (keepNotebook && key == "notebook")
  }.map { ($0.key, $0.value) }
}

/// `result.json` with each metric value `v` replaced by `v + shift` (nulls kept).
func shifted(_ data: Data, by shift: Double) throws -> Data {
  guard var object = try JSONSerialization.jsonObject(with: data) as? [String: Any] else { return data }
  if let metrics = object["metrics"] as? [String: [Any]] {
    var moved: [String: [Any]] = [:]
    for (metric, values) in metrics {
      moved[metric] = values.map { ($0 as? Double).map { $0 + shift } ?? $0 }
    }
    object["metrics"] = moved
  }
  return try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
}

/// Thread CPU time in nanoseconds (the cost packing adds to a run).
func threadCPUNanoseconds() -> UInt64 {
  var time = timespec()
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
  return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
}

var packTime = (total: UInt64(0), packing: UInt64(0), packs: 0)

do {
  let store = ResultStore(repository: try GitRepository.open(at: URL(fileURLWithPath: arguments[1])))
  guard let result = try store.latestResult(name: name), let registrationID = result.registration,
    let registration = try store.history(name: name).first(where: { $0.commit == registrationID })
  else {
    FileHandle.standardError.write(Data("no recorded result of \(name) to copy\n".utf8))
    exit(1)
  }
  let registrationFiles = try registration.files()
  let resultFiles = try result.files()
  guard let resultJSON = resultFiles["result.json"] else { exit(1) }
  let notebookPath = registration.trailer("Notebook") ?? "Notebooks/\(name).md"
  let start = Date()
  for run in 0..<count {
    let registered = try store.register(
      notebook: name, notebookPath: notebookPath, files: registrationFiles, message: registration.message,
      trailers: copiedTrailers(registration, keepNotebook: false))
    var files = resultFiles
    files["result.json"] = try shifted(resultJSON, by: Double(run % 50) * 0.001)
    let recorded = try store.record(
      registered, files: files, message: result.message, trailers: copiedTrailers(result, keepNotebook: true))
    // What `rigor run` does after recording (ResultRecorder), timed apart.
    let packStart = threadCPUNanoseconds()
    let packedNow = try store.packCommitsOccasionally(after: recorded, name: name)
    let spent = threadCPUNanoseconds() - packStart
    packTime.total += spent
    if packedNow > 0 {
      packTime.packs += 1
      packTime.packing += spent
    }
  }
  print(String(format: "recorded %d runs in %.1f s", count, Date().timeIntervalSince(start)))
  print(String(
    format: "packCommitsOccasionally: %.1f ms in all (%.2f ms per run), of which %d packs took %.1f ms",
    Double(packTime.total) / 1e6, Double(packTime.total) / 1e6 / Double(max(count, 1)), packTime.packs,
    Double(packTime.packing) / 1e6))
} catch {
  FileHandle.standardError.write(Data("HistoryFill failed: \(error)\n".utf8))
  exit(1)
}
