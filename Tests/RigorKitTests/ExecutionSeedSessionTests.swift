import Foundation
import Testing

@testable import RigorKit

@Suite struct ExecutionSeedSessionTests {
  static let launch = SeedLaunch(
    binary: URL(fileURLWithPath: "/bin/true"), seed: 0, outputDirectory: URL(fileURLWithPath: "/nonexistent/out"),
    scratchDirectory: URL(fileURLWithPath: "/nonexistent/scratch"), timeoutSeconds: 5, sandboxed: false,
    sourcePath: "Notebooks/x.md", steps: [.init(index: 1, line: 5), .init(index: 2, line: 9), .init(index: 3, line: 14)])

  static func event(_ json: String) -> [UInt8] { Array(json.utf8) }

  static func ending(_ termination: Termination, timedOut: Bool = false) -> SeedSession.Ending {
    SeedSession.Ending(termination: termination, timedOut: timedOut, startTime: 100, endTime: 107, peakMemoryBytes: 0)
  }

  @Test func stepTimesComeFromTheProgramsClock() {
    var session = SeedSession(launch: Self.launch)
    for json in [
      #"{"event":"step_begin","step":1,"t":100.5}"#, #"{"event":"step_end","step":1,"t":101.0}"#,
      #"{"event":"step_begin","step":2,"t":101.0}"#, #"{"event":"step_end","step":2,"t":103.25}"#,
      #"{"event":"step_begin","step":3,"t":103.25}"#, #"{"event":"step_end","step":3,"t":103.5}"#,
      #"{"event":"finish","t":103.5}"#,
    ] { _ = session.handle(line: Self.event(json)) }
    let outcome = session.outcome(Self.ending(.exited(0)))
    #expect(outcome.status == .ok)
    #expect(outcome.steps.map(\.seconds) == [0.5, 2.25, 0.25])
    #expect(outcome.seconds == 7)
  }

  @Test func timeoutBetweenStepsBlamesTheNextStep() {
    var session = SeedSession(launch: Self.launch)
    for json in [#"{"event":"step_begin","step":1,"t":100}"#, #"{"event":"step_end","step":1,"t":101}"#] {
      _ = session.handle(line: Self.event(json))
    }
    let outcome = session.outcome(Self.ending(.signaled(SIGKILL), timedOut: true))
    #expect(outcome.status == .timedOut)
    #expect(outcome.steps.map(\.status) == [.ok, .timedOut, .skipped])
    #expect(outcome.steps[1].seconds == nil)
    #expect(outcome.errors.map(\.diagnostic.location) == [SourceLocation(file: "Notebooks/x.md", line: 9)])
  }

  @Test func timeoutWithABacktraceIsLocatedWhereTheProgramWasRunning() {
    var session = SeedSession(launch: Self.launch)
    _ = session.handle(line: Self.event(#"{"event":"step_begin","step":2,"t":100}"#))
    let trace = "Thread 0 \"prog\" crashed:\n\n0 0x1 spin(_:) + 4 in prog at /repo/Notebooks/x.md:11:3\n\n"
    Array(trace.utf8).withUnsafeBytes { session.appendOutput($0) }
    #expect(session.outputTailContains("crashed:"))
    let outcome = session.outcome(Self.ending(.signaled(SIGILL), timedOut: true))
    #expect(outcome.status == .timedOut)
    let error = outcome.errors.first
    #expect(error?.step == 2)
    #expect(error?.diagnostic.location == SourceLocation(file: "Notebooks/x.md", line: 11, column: 3))
    #expect(error?.diagnostic.message.hasSuffix("while running line 11") == true)
  }

  @Test func signalsUnderTheSandboxAreRecoveredFromTheExitStatus() {
    #expect(Supervisor.unwrapSandbox(.exited(132), sandboxed: true) == .signaled(SIGILL))
    #expect(Supervisor.unwrapSandbox(.exited(132), sandboxed: false) == .exited(132))
    #expect(Supervisor.unwrapSandbox(.exited(1), sandboxed: true) == .exited(1))
  }

  @Test func crashAfterTheLastStepFailsTheSeedButNoStep() {
    var session = SeedSession(launch: Self.launch)
    for index in 1...3 {
      _ = session.handle(line: Self.event(#"{"event":"step_begin","step":\#(index),"t":100}"#))
      _ = session.handle(line: Self.event(#"{"event":"step_end","step":\#(index),"t":101}"#))
    }
    let outcome = session.outcome(Self.ending(.signaled(SIGSEGV)))
    #expect(outcome.status == .failed)
    #expect(outcome.steps.map(\.status) == [.ok, .ok, .ok])
    #expect(outcome.errors.first?.step == nil)
    #expect(outcome.errors.first?.diagnostic.message.contains("segmentation fault") == true)
  }

  @Test(arguments: [
    #"{"event":"record","step":1,"name":"a/b","value":1}"#, #"{"event":"record","step":1,"name":"x"}"#,
    #"{"event":"step_begin","step":99,"t":1}"#, #"{"event":"artifact","step":1,"name":"a","path":"../../etc/passwd","bytes":1}"#,
    #"{"event":"step_end","step":2,"t":1,"maxrss":1}"#, "garbage",
  ])
  func aForgedOrMalformedEventStopsTheSeedWithTheReason(_ json: String) {
    var session = SeedSession(launch: Self.launch)
    _ = session.handle(line: Self.event(#"{"event":"step_begin","step":1,"t":100}"#))
    _ = session.handle(line: Self.event(#"{"event":"record","step":1,"name":"ok","value":2}"#))
    _ = session.handle(line: Self.event(json))
    // Nothing after a violation is taken.
    _ = session.handle(line: Self.event(#"{"event":"record","step":1,"name":"later","value":3}"#))
    #expect(session.metrics == [RecordedMetric(name: "ok", value: 2, step: 1)])
    #expect(session.files.isEmpty)
    #expect(session.violation != nil)
    let outcome = session.outcome(Self.ending(.signaled(SIGKILL)))
    #expect(outcome.status == .failed)
    #expect(outcome.steps.map(\.status) == [.failed, .skipped, .skipped])
    let message = outcome.errors.last?.diagnostic.message ?? ""
    #expect(message.hasPrefix("step 1 was stopped: its channel to the runner broke the protocol: "))
    #expect(outcome.errors.last?.diagnostic.location == SourceLocation(file: "Notebooks/x.md", line: 5))
  }

  @Test func aDuplicateRecordIsAViolationNotASilentDrop() {
    var session = SeedSession(launch: Self.launch)
    _ = session.handle(line: Self.event(#"{"event":"record","step":1,"name":"ok","value":2}"#))
    _ = session.handle(line: Self.event(#"{"event":"record","step":1,"name":"ok","value":3}"#))
    #expect(session.metrics.map(\.value) == [2])
    #expect(session.violation?.message == "metric 'ok' was recorded twice")
  }

  @Test func theMetricCapIsEnforcedAsEventsArrive() {
    var session = SeedSession(launch: Self.launch)
    for index in 0...RigorLimits.maxMetrics {
      _ = session.handle(line: Self.event(#"{"event":"record","step":1,"name":"m\#(index)","value":1}"#))
    }
    #expect(session.metrics.count == RigorLimits.maxMetrics)
    #expect(session.violation?.message == "more than \(RigorLimits.maxMetrics) metrics were recorded")
  }
}

@Suite struct ExecutionSchedulerTests {
  @Test func blasThreadsArePinnedToCoresOverJobs() {
    #expect(SeedScheduler(jobs: 2, cores: 2).blasThreadsPerSeed == 1)
    #expect(SeedScheduler(jobs: 2, cores: 8).blasThreadsPerSeed == 4)
    #expect(SeedScheduler(jobs: 3, cores: 8).blasThreadsPerSeed == 2)
    #expect(SeedScheduler(jobs: 16, cores: 8).blasThreadsPerSeed == 1)
  }

  @Test func seedsRunInParallelAndComeBackInLaunchOrder() throws {
    let fixture = try ExecutionFixture()
    let program = try fixture.python(
      "seeds.py",
      """
      begin(1)
      record(1, "seed", float(os.environ["RIGOR_SEED"]))
      record(1, "blas", float(os.environ["OPENBLAS_NUM_THREADS"]))
      end(1)
      finish()
      """)
    let launches = [5, 2, 9, 4].map { fixture.launch(program, seed: $0, steps: 1) }
    let scheduler = SeedScheduler(jobs: 2, cores: 6)
    let outcomes = try scheduler.run(launches).map { try $0.get() }
    #expect(outcomes.map(\.seed) == [5, 2, 9, 4])
    #expect(outcomes.map { $0.metricValues["seed"] } == [5, 2, 9, 4])
    #expect(outcomes.map { $0.metricValues["blas"] } == [3, 3, 3, 3])
    #expect(outcomes.map(\.blasThreads) == [3, 3, 3, 3])
  }
}
