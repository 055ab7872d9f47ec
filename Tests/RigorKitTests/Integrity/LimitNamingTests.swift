import Foundation
import Testing
@testable import RigorKit

/// A seed stopped by a limit says which limit, at the Markdown line of the step it was in
/// (issue 12, item 6).
@Suite(.serialized) struct LimitNamingTests {
  @Test func aMemoryLimitHitIsNamedAtTheStepLine() throws {
    let fixture = try ExecutionFixture()
    let program = try fixture.python(
      "hog.py",
      """
      begin(1); end(1)
      begin(2)
      hog = bytearray(512 << 20)
      end(2)
      finish()
      """)
    var launch = fixture.launch(program, steps: 2)
    launch.memoryLimitBytes = 128 << 20
    let outcome = try SeedRunner().run(launch)
    #expect(outcome.status == .failed)
    let error = try #require(outcome.errors.first)
    #expect(error.step == 2)
    #expect(error.diagnostic.location == SourceLocation(file: "Notebooks/x.md", line: 20, column: 1))
    #expect(error.diagnostic.message.contains("memory limit of 128 MiB"), "\(error.diagnostic.message)")
  }

  @Test func aFailureUnderALimitThatIsNotTheLimitDoesNotBlameIt() throws {
    let fixture = try ExecutionFixture()
    let program = try fixture.python("fail.py", "begin(1)\nsys.exit(3)")
    var launch = fixture.launch(program, steps: 1)
    launch.memoryLimitBytes = 128 << 20
    let error = try #require(try SeedRunner().run(launch).errors.first)
    #expect(!error.diagnostic.message.contains("memory limit"), "\(error.diagnostic.message)")
  }

  @Test(.enabled(if: sandboxUsable, "bubblewrap cannot create a sandbox here"))
  func aProcessLimitHitIsNamedAtTheStepLine() throws {
    let fixture = try ExecutionFixture()
    // Forks until refused, and lets the refusal end the program.
    let program = try fixture.python(
      "bomb.py",
      """
      begin(1); end(1)
      begin(2)
      for i in range(1000):
          if os.fork() == 0:
              time.sleep(2)
              os._exit(0)
      """)
    let outcome = try SeedRunner().run(fixture.launch(program, steps: 2, sandboxed: true, timeout: 60))
    #expect(outcome.status == .failed)
    let error = try #require(outcome.errors.first)
    #expect(error.diagnostic.location.line == 20, "\(error.diagnostic)")
    #expect(error.diagnostic.message.contains("limit of \(SeedRunner.processLimit) processes"), "\(error.diagnostic.message)")
  }

  @Test func aSeedWhoseFoldersOutgrowTheDiskLimitIsStoppedAndTheLimitNamedAtItsStep() throws {
    let fixture = try ExecutionFixture()
    // 4 MiB files, one every 20 ms, up to 160 MiB: the limit is 32 MiB.
    let program = try fixture.python(
      "fill.py",
      """
      begin(1); end(1)
      begin(2)
      for i in range(40):
          with open(os.path.join(os.environ["TMPDIR"], "chunk%d" % i), "wb") as f:
              f.write(os.urandom(4 << 20))
          time.sleep(0.02)
      end(2)
      finish()
      """)
    var launch = fixture.launch(program, steps: 2, timeout: 60)
    launch.diskLimitBytes = 32 << 20
    let outcome = try SeedRunner().run(launch)
    #expect(outcome.status == .failed)
    let error = try #require(outcome.errors.first)
    #expect(error.diagnostic.location.line == 20, "\(error.diagnostic)")
    #expect(error.diagnostic.message.contains("past its disk limit of 32 MiB"), "\(error.diagnostic.message)")
    let written = try FileManager.default.contentsOfDirectory(atPath: launch.scratchDirectory.path).filter { $0.hasPrefix("chunk") }
    #expect(written.count < 40, "the seed wrote all \(written.count) files")
  }

  @Test func oneFileLargerThanTheDiskLimitIsRefusedAndTheLimitNamed() throws {
    let fixture = try ExecutionFixture()
    let program = try fixture.python(
      "big.py",
      """
      begin(1)
      with open(os.path.join(os.environ["TMPDIR"], "big"), "wb") as f:
          f.write(b"x" * (64 << 20))
      end(1)
      finish()
      """)
    var launch = fixture.launch(program, steps: 1, timeout: 60)
    launch.diskLimitBytes = 32 << 20
    let outcome = try SeedRunner().run(launch)
    #expect(outcome.status == .failed)
    let error = try #require(outcome.errors.first)
    #expect(error.diagnostic.location.line == 10, "\(error.diagnostic)")
    #expect(error.diagnostic.message.contains("disk limit of 32 MiB for one file"), "\(error.diagnostic.message)")
    var info = stat()
    if lstat(launch.scratchDirectory.appendingPathComponent("big").path, &info) == 0 {
      #expect(Int(info.st_size) <= 32 << 20)
    }
  }

  @Test(.enabled(if: sandboxUsable, "bubblewrap cannot create a sandbox here"))
  func aFullPrivateTmpIsNamedAtTheStepLineWithWhereBigFilesGo() throws {
    let fixture = try ExecutionFixture()
    // The failure a full /tmp gives, without filling 1 GiB of memory-backed tmpfs here.
    let program = try fixture.python(
      "full.py", "begin(1); end(1)\nbegin(2)\nraise OSError(28, os.strerror(28))")
    let outcome = try SeedRunner().run(fixture.launch(program, steps: 2, sandboxed: true))
    let error = try #require(outcome.errors.first)
    #expect(error.diagnostic.location.line == 20, "\(error.diagnostic)")
    #expect(error.diagnostic.message.contains("private /tmp holds at most 1 GiB"), "\(error.diagnostic.message)")
    #expect(error.diagnostic.message.contains("scratch folder"))
  }

  @Test func aTimeLimitHitIsNamedAtTheStepLine() throws {
    let fixture = try ExecutionFixture()
    let program = try fixture.python("slow.py", "begin(1); end(1)\nbegin(2)\ntime.sleep(60)")
    let outcome = try SeedRunner().run(fixture.launch(program, steps: 2, timeout: 2))
    let error = try #require(outcome.errors.first)
    #expect(error.diagnostic.location.line == 20)
    #expect(error.diagnostic.message.contains("limit of 2 s"), "\(error.diagnostic.message)")
  }

  @Test func aMetricCapHitIsNamedAtTheStepLine() throws {
    let fixture = try ExecutionFixture()
    let program = try fixture.python(
      "many.py",
      """
      begin(1); end(1)
      begin(2)
      for i in range(\(RigorLimits.maxMetrics + 1)):
          record(2, "m%d" % i, 1.0)
      end(2)
      finish()
      """)
    let outcome = try SeedRunner().run(fixture.launch(program, steps: 2, timeout: 60))
    #expect(outcome.status == .failed)
    let error = try #require(outcome.errors.first)
    #expect(error.diagnostic.location.line == 20, "\(error.diagnostic)")
    #expect(error.diagnostic.message.contains("more than \(RigorLimits.maxMetrics) metrics"), "\(error.diagnostic.message)")
  }

  @Test func aSwiftStepOverItsNotebooksMemoryLimitNamesTheLimitAtItsLine() throws {
    let repo = try ScratchRepository()
    let path = try repo.notebook("hog", """
      ---
      seeds: 1
      memory_limit_mb: 64
      ---

      # Hog

      ```swift
      record("before", 1.0)
      ```

      ```swift
      let big = [Float](repeating: 1, count: 1 << 28)
      record("after", Double(big[seed]))
      ```
      """)
    let run = repo.rigor(["run", path, "--no-commit"])
    #expect(run.status == ExitStatus.stepFailed.rawValue)
    #expect(run.stderr.contains("Notebooks/hog.md:13:"), "\(run.stderr)")
    #expect(run.stderr.contains("memory limit of 64 MiB"), "\(run.stderr)")
  }
}
