import Foundation
import Testing

@testable import RigorKit

/// Where `swift build --product RigorRuntime` put the runtime library and module.
private let buildFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
  .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent(".build/debug")
  .resolvingSymlinksInPath()

private let runtimeBuilt =
  FileManager.default.fileExists(atPath: buildFolder.appendingPathComponent("libRigorRuntime.so").path)
  && FileManager.default.fileExists(
    atPath: buildFolder.appendingPathComponent("Modules/RigorRuntime.swiftmodule").path)

/// A real notebook program, shaped like the generated ones, compiled with swiftc against
/// RigorRuntime and run by the supervisor. Needs `swift build --product RigorRuntime` first.
@Suite(.enabled(if: runtimeBuilt, "run `swift build --product RigorRuntime` first"))
struct ExecutionEndToEndTests {
  // Step 1 is at Markdown line 10, step 2 at line 20; the trap is on line 23, the duplicate
  // record on line 26, the endless loop on lines 28-31 (counted from the #sourceLocation lines).
  static let program = """
    import Foundation
    import RigorRuntime
    struct _RigorParams { let mode: String; let n: Int }
    struct MiniPlot { var svg: String }
    extension MiniPlot: RigorRuntime.FigureConvertible {}
    let params = _RigorParams(
      mode: _rigorParameter("mode", as: String.self, default: "ok"),
      n: _rigorParameter("n", as: Int.self, default: 3))
    _rigorBeginStep(1)
    #sourceLocation(file: "Notebooks/x.md", line: 10)
    let values = (0..<params.n).map { Double($0 + seed) }
    print("step one", values.count)
    record("total", values.reduce(0, +))
    record("count", values.count)
    record("half", Float(0.5))
    split("evaluation", ids: 0..<params.n)
    artifact("notes.txt", "seed \\(seed)")
    figure("mini", MiniPlot(svg: "<svg/>"))
    progress(0.5, "half way")
    #sourceLocation()
    _rigorEndStep(1)
    _rigorBeginStep(2)
    #sourceLocation(file: "Notebooks/x.md", line: 20)
    print("step two")
    if params.mode == "trap" {
      let index = values.count + 1
      print(values[index])
    }
    if params.mode == "duplicate" {
      record("total", 1)
    }
    func spin(_ x: Int) -> Int { x &* 31 &+ 7 }
    if params.mode == "loop" {
      var accumulator = 0
      while true { accumulator = spin(accumulator) }
    }
    figure("curve", svg: "<svg xmlns='http://www.w3.org/2000/svg'/>")
    #sourceLocation()
    _rigorEndStep(2)
    _rigorFinish()
    """

  @Test func compiledNotebookRecordsTrapsAtTheNotebookLineAndReportsDuplicates() throws {
    let fixture = try ExecutionFixture()
    let source = fixture.root.appendingPathComponent("main.swift")
    try Self.program.write(to: source, atomically: true, encoding: .utf8)
    let binary = fixture.programs.appendingPathComponent("notebook")
    let compile = Process()
    compile.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    compile.arguments = [
      "swiftc", "-g", "-swift-version", "5", "-I", buildFolder.appendingPathComponent("Modules").path,
      "-L", buildFolder.path, "-lRigorRuntime", "-Xlinker", "-rpath", "-Xlinker", buildFolder.path,
      source.path, "-o", binary.path,
    ]
    try compile.run()
    compile.waitUntilExit()
    try #require(compile.terminationStatus == 0)

    let sandboxed = sandboxUsable
    let launches = [("ok", 1), ("trap", 2), ("duplicate", 3), ("loop", 4)].map { mode, seed in
      var launch = fixture.launch(
        binary, seed: seed, steps: 2, sandboxed: sandboxed, timeout: mode == "loop" ? 3 : 20,
        parametersJSON: #"{"mode": "\#(mode)"}"#)
      launch.readOnlyPaths = [buildFolder]
      return launch
    }
    let results = SeedScheduler(jobs: 2).run(launches)
    let outcomes = try results.map { try $0.get() }

    let ok = outcomes[0]
    #expect(ok.status == .ok, "\(ok.errors)")
    // seed 1, n 3: (0+1) + (1+1) + (2+1)
    #expect(ok.metricValues == ["total": 1 + 2 + 3, "count": 3, "half": 0.5])
    #expect(ok.steps.map(\.output) == ["step one 3\n", "step two\n"])
    #expect(ok.splits == ["evaluation": [0, 1, 2]])
    #expect(ok.files.map(\.path) == ["artifacts/notes.txt", "figures/mini.svg", "figures/curve.svg"])
    let notes = launches[0].outputDirectory.appendingPathComponent("artifacts/notes.txt")
    #expect(try String(contentsOf: notes, encoding: .utf8) == "seed 1")
    let figure = launches[0].outputDirectory.appendingPathComponent("figures/curve.svg")
    #expect(try String(contentsOf: figure, encoding: .utf8).hasPrefix("<svg"))
    #expect(ok.peakMemoryBytes > 0)

    let trap = outcomes[1]
    #expect(trap.status == .failed)
    #expect(trap.steps.map(\.status) == [.ok, .failed])
    #expect(trap.metricValues["total"] == Double(2 + 3 + 4))
    let trapError = try #require(trap.errors.first)
    #expect(trapError.step == 2)
    #expect(trapError.diagnostic.location.file == "Notebooks/x.md")
    #expect(trapError.diagnostic.location.line == 23)
    #expect(trapError.diagnostic.message.contains("Index out of range"))

    let duplicate = outcomes[2]
    #expect(duplicate.steps.map(\.status) == [.ok, .failed])
    let duplicateError = try #require(duplicate.errors.first)
    #expect(duplicate.errors.count == 1)
    #expect(duplicateError.step == 2)
    #expect(duplicateError.diagnostic.location.line == 26)
    #expect(duplicateError.diagnostic.message.contains("already recorded in step 1"))

    // The runner asks the looping program for a backtrace before killing it; wherever it
    // was stopped, the location is inside step 2 (lines 20 to 32).
    let loop = outcomes[3]
    #expect(loop.status == .timedOut)
    #expect(loop.steps.map(\.status) == [.ok, .timedOut])
    let loopError = try #require(loop.errors.first)
    #expect(loopError.step == 2)
    #expect((20...32).contains(loopError.diagnostic.location.line))
    #expect(loop.seconds < 3 + 2)
    print("timeout diagnostic:", loopError.diagnostic)
  }
}
