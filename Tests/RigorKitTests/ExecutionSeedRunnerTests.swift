import Foundation
import Testing

@testable import RigorKit

@Suite struct ExecutionSeedRunnerTests {
  @Test func metricsSplitsAndFilesArriveAndOutputIsCreditedToItsStep() throws {
    let fixture = try ExecutionFixture()
    let program = try fixture.python(
      "ok.py",
      """
      def one():
          print("hello from one")
          record(1, "alpha", 1.5)
      def two():
          print("hello from two", file=sys.stderr)
          record(2, "beta", -2.25)
          send({"event": "split", "step": 2, "name": "evaluation", "ids": [3, 1, 4]})
          folder = os.path.join(os.environ["RIGOR_OUTPUT_DIR"], "figures")
          with open(os.path.join(folder, "loss.svg"), "w") as f:
              f.write("<svg/>")
          send({"event": "figure", "step": 2, "name": "loss", "path": "figures/loss.svg", "bytes": 6})
      run_steps(one, two)
      """)
    let launch = fixture.launch(program, steps: 2)
    let outcome = try SeedRunner().run(launch)
    #expect(outcome.status == .ok)
    #expect(outcome.termination == .exited(0))
    #expect(outcome.errors.isEmpty)
    #expect(outcome.steps.map(\.status) == [.ok, .ok])
    #expect(outcome.steps.allSatisfy { $0.seconds != nil })
    #expect(outcome.metrics == [
      RecordedMetric(name: "alpha", value: 1.5, step: 1), RecordedMetric(name: "beta", value: -2.25, step: 2),
    ])
    #expect(outcome.splits == ["evaluation": [3, 1, 4]])
    #expect(outcome.files.map(\.path) == ["figures/loss.svg"])
    #expect(outcome.steps[0].output == "hello from one\n")
    #expect(outcome.steps[1].output == "hello from two\n")
    #expect(FileManager.default.fileExists(atPath: launch.outputDirectory.appendingPathComponent("figures/loss.svg").path))
  }

  @Test(arguments: [false, true])
  func trapInStepThreeOfFiveFailsThatStepSkipsTheRestAndFindsTheNotebookLine(sandboxed: Bool) throws {
    guard !sandboxed || sandboxUsable else { return }
    let fixture = try ExecutionFixture()
    // Prints what the Swift runtime prints on a trap, then dies of SIGTRAP like a trap does.
    let program = try fixture.python(
      "trap.py",
      """
      for i in [1, 2]:
          begin(i); print("step", i); end(i)
      begin(3)
      sys.stderr.write("Swift/ContiguousArrayBuffer.swift:692: Fatal error: Index out of range\\n\\n")
      sys.stderr.write("Thread 0 \\"prog\\" crashed:\\n\\n")
      sys.stderr.write("  0      0x00007f closure #1 in _assertionFailure(_:_:file:line:flags:) + 623 in libswiftCore.so\\n")
      sys.stderr.write("  1 [ra] 0x000055 f(_:) + 32 in prog at /tmp/build/main.swift:3:37\\n")
      sys.stderr.write("  2 [ra] 0x000056 main + 290 in prog at /work/repo/Notebooks/x.md:34:9\\n\\n")
      sys.stderr.flush()
      os.kill(os.getpid(), signal.SIGTRAP)
      """)
    let outcome = try SeedRunner().run(fixture.launch(program, steps: 5, sandboxed: sandboxed))
    #expect(outcome.status == .failed)
    #expect(outcome.termination == .signaled(SIGTRAP))
    #expect(outcome.steps.map(\.status) == [.ok, .ok, .failed, .skipped, .skipped])
    #expect(outcome.steps[3].seconds == nil)
    let error = try #require(outcome.errors.first)
    #expect(outcome.errors.count == 1)
    #expect(error.step == 3)
    #expect(error.diagnostic.location == SourceLocation(file: "Notebooks/x.md", line: 34, column: 9))
    #expect(error.diagnostic.message.contains("step 3 trapped"))
    #expect(error.diagnostic.message.contains("Index out of range"))
    #expect(outcome.steps[2].output.contains("Fatal error"))
  }

  @Test(arguments: [false, true])
  func endlessLoopTimesOutWithinTheLimitAndLaterStepsAreSkipped(sandboxed: Bool) throws {
    guard !sandboxed || sandboxUsable else { return }
    let fixture = try ExecutionFixture()
    let program = try fixture.python(
      "loop.py",
      """
      begin(1); end(1)
      begin(2)
      while True:
          pass
      """)
    let launch = fixture.launch(program, steps: 3, sandboxed: sandboxed, timeout: 4)
    let started = Date()
    let outcome = try SeedRunner().run(launch)
    let wall = Date().timeIntervalSince(started)
    #expect(outcome.status == .timedOut)
    #expect(outcome.steps.map(\.status) == [.ok, .timedOut, .skipped])
    #expect(wall < launch.timeoutSeconds + 2)
    let error = try #require(outcome.errors.first)
    #expect(error.step == 2)
    #expect(error.diagnostic.location == SourceLocation(file: "Notebooks/x.md", line: 20, column: 1))
    #expect(error.diagnostic.message.contains("timed out"))
  }

  @Test(arguments: [false, true])
  func backgroundProcessLeftBehindDoesNotHoldTheRunOpen(sandboxed: Bool) throws {
    guard !sandboxed || sandboxUsable else { return }
    let fixture = try ExecutionFixture()
    let program = try fixture.python(
      "orphan.py",
      """
      import subprocess
      begin(1)
      subprocess.Popen(["sleep", "30"])
      end(1)
      finish()
      """)
    let started = Date()
    let outcome = try SeedRunner().run(fixture.launch(program, steps: 1, sandboxed: sandboxed, timeout: 20))
    #expect(outcome.status == .ok)
    #expect(Date().timeIntervalSince(started) < 10)
  }

  @Test func hundredMegabytesOfOutputKeepHeadAndTailAndCountTheRest() throws {
    let fixture = try ExecutionFixture()
    let program = try fixture.python(
      "flood.py",
      """
      begin(1)
      out = sys.stdout.buffer
      out.write(b"BEGIN\\n")
      chunk = b"x" * (1 << 20)
      for _ in range(100):
          out.write(chunk)
      out.write(b"\\nEND\\n")
      end(1)
      finish()
      """)
    let cap = 64 * 1024
    let outcome = try SeedRunner().run(fixture.launch(program, steps: 1, capBytes: cap))
    let total = 6 + 100 * (1 << 20) + 5
    #expect(outcome.status == .ok)
    let step = outcome.steps[0]
    #expect(step.droppedOutputBytes == total - cap)
    #expect(step.output.hasPrefix("BEGIN\nxxx"))
    #expect(step.output.hasSuffix("xxx\nEND\n"))
    #expect(step.output.contains("[... \(total - cap) bytes of output dropped ...]"))
  }

  @Test func channelLookingLinesOnStdoutAndStderrDoNotBecomeMetrics() throws {
    let fixture = try ExecutionFixture()
    let program = try fixture.python(
      "forge.py",
      """
      begin(1)
      line = json.dumps({"event": "record", "step": 1, "name": "forged", "value": 1.0})
      print(line)
      print(line, file=sys.stderr)
      record(1, "real", 2.0)
      end(1)
      finish()
      """)
    let outcome = try SeedRunner().run(fixture.launch(program, steps: 1))
    #expect(outcome.metricValues == ["real": 2.0])
    #expect(outcome.steps[0].output.contains("forged"))
  }

  @Test func errorReportedByTheRuntimeIsTheStepsErrorAtItsLine() throws {
    let fixture = try ExecutionFixture()
    let program = try fixture.python(
      "error.py",
      """
      begin(1); end(1)
      begin(2)
      send({"event": "error", "step": 2, "file": "Notebooks/x.md", "line": 27, "column": 5,
            "message": "metric 'loss' was already recorded in step 1"})
      sys.exit(1)
      """)
    let outcome = try SeedRunner().run(fixture.launch(program, steps: 3))
    #expect(outcome.status == .failed)
    #expect(outcome.steps.map(\.status) == [.ok, .failed, .skipped])
    #expect(outcome.errors == [
      StepError(
        step: 2,
        diagnostic: Diagnostic(
          "metric 'loss' was already recorded in step 1", at: SourceLocation(file: "Notebooks/x.md", line: 27, column: 5))),
    ])
  }

  @Test func exitingWithStatusZeroInsideAStepIsNotSuccess() throws {
    let fixture = try ExecutionFixture()
    let program = try fixture.python("early.py", "begin(1); end(1)\nbegin(2)\nsys.exit(0)")
    let outcome = try SeedRunner().run(fixture.launch(program, steps: 2))
    #expect(outcome.status == .failed)
    #expect(outcome.steps.map(\.status) == [.ok, .failed])
    #expect(outcome.errors.first?.diagnostic.message.contains("before it finished") == true)
  }

  @Test func killedBySIGKILLSaysSoWithPeakMemory() throws {
    let fixture = try ExecutionFixture()
    let program = try fixture.python(
      "oom.py",
      """
      begin(1)
      hog = bytearray(64 << 20)
      os.kill(os.getpid(), signal.SIGKILL)
      """)
    let outcome = try SeedRunner().run(fixture.launch(program, steps: 1))
    #expect(outcome.termination == .signaled(SIGKILL))
    #expect(outcome.peakMemoryBytes >= 64 << 20)
    let message = try #require(outcome.errors.first?.diagnostic.message)
    #expect(message.contains("SIGKILL"))
    #expect(message.contains("peak memory"))
  }

  @Test func failureBeforeTheFirstStepBlamesStepOne() throws {
    let fixture = try ExecutionFixture()
    let program = try fixture.executable("bad.sh", "#!/bin/sh\necho 'bad parameter' >&2\nexit 3\n")
    let outcome = try SeedRunner().run(fixture.launch(program, steps: 2))
    #expect(outcome.steps.map(\.status) == [.failed, .skipped])
    #expect(outcome.errors.first?.diagnostic.message == "step 1 exited with status 3")
    #expect(outcome.steps[0].output == "bad parameter\n")
  }

  @Test func childSeesSeedParametersThreadsAndScratchButNotTheRunnersEnvironment() throws {
    let fixture = try ExecutionFixture()
    let program = try fixture.python(
      "env.py",
      """
      begin(1)
      params = json.load(open(os.environ["RIGOR_PARAMS_FILE"]))
      record(1, "inline_params", float("RIGOR_PARAMS" in os.environ))
      record(1, "seed", float(os.environ["RIGOR_SEED"]))
      record(1, "features", float(params["features"]))
      record(1, "blas", float(os.environ["OPENBLAS_NUM_THREADS"]))
      record(1, "omp", float(os.environ["OMP_NUM_THREADS"]))
      record(1, "cwd_is_scratch", float(os.getcwd() == os.environ["TMPDIR"]))
      record(1, "leaked", float("RIGOR_TEST_SECRET" in os.environ))
      record(1, "stdin_empty", float(sys.stdin.read() == ""))
      record(1, "backtrace", float("interactive=no" in os.environ.get("SWIFT_BACKTRACE", "")))
      end(1)
      finish()
      """)
    setenv("RIGOR_TEST_SECRET", "1", 1)
    defer { unsetenv("RIGOR_TEST_SECRET") }
    var launch = fixture.launch(program, seed: 7, steps: 1, parametersJSON: #"{"features": 40}"#)
    launch.blasThreads = 3
    let outcome = try SeedRunner().run(launch)
    #expect(outcome.metricValues == [
      "seed": 7, "features": 40, "blas": 3, "omp": 3, "cwd_is_scratch": 1, "leaked": 0, "inline_params": 0, "stdin_empty": 1,
      "backtrace": 1,
    ])
  }

  @Test func progressReportsStepsAndTheProgramsFraction() throws {
    let fixture = try ExecutionFixture()
    let program = try fixture.python(
      "progress.py",
      """
      begin(1); end(1)
      begin(2)
      send({"event": "progress", "step": 2, "fraction": 0.5, "message": "epoch 5"})
      end(2)
      finish()
      """)
    let log = ProgressLog()
    _ = try SeedRunner().run(fixture.launch(program, seed: 4, steps: 2)) { log.append($0) }
    let phases = log.all.map(\.phase).filter { $0 != .heartbeat }
    #expect(phases == [.started, .stepBegan, .stepBegan, .progress, .ended])
    let reported = try #require(log.all.first { $0.phase == .progress })
    #expect(reported.seed == 4)
    #expect(reported.step == 2)
    #expect(reported.stepLine == 20)
    #expect(reported.stepCount == 2)
    #expect(reported.fraction == 0.5)
    #expect(reported.message == "epoch 5")
  }

  @Test func memoryLimitStopsAnAllocationBeyondIt() throws {
    let fixture = try ExecutionFixture()
    let program = try fixture.python(
      "limit.py",
      """
      begin(1)
      try:
          hog = bytearray(512 << 20)
          record(1, "allocated", 1.0)
      except MemoryError:
          record(1, "allocated", 0.0)
      end(1)
      finish()
      """)
    var limited = fixture.launch(program, steps: 1)
    limited.memoryLimitBytes = 256 << 20
    #expect(try SeedRunner().run(limited).metricValues == ["allocated": 0])
    let unlimited = fixture.launch(program, steps: 1)
    #expect(try SeedRunner().run(unlimited).metricValues == ["allocated": 1])
  }

  @Test func missingProgramIsARunnerError() throws {
    let fixture = try ExecutionFixture()
    let launch = fixture.launch(fixture.programs.appendingPathComponent("absent"), steps: 1)
    #expect(throws: ExecutionError.self) { try SeedRunner().run(launch) }
  }
}
