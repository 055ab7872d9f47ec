import Foundation
import Testing
@testable import RigorKit

/// Small leaks (issue 12, item 12): scratch folders of killed runs, and processes a
/// `--no-sandbox` seed detached from its process group.
@Suite(.serialized) struct LeakCleanupTests {
  /// A PID that existed a moment ago and no longer does.
  private func deadPID() throws -> pid_t {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/true")
    try process.run()
    process.waitUntilExit()
    return process.processIdentifier
  }

  /// Whether `pid` is a live process (a zombie counts as gone).
  private func isAlive(_ pid: pid_t) -> Bool {
    guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
      let close = stat.lastIndex(of: ")")
    else { return false }
    let state = stat[stat.index(close, offsetBy: 2)]
    return state != "Z" && state != "X"
  }

  @Test func scratchFoldersOfDeadRunsAreRemovedWithoutFollowingLinks() throws {
    let base = try StoreTemporaryFolder()
    let outside = try StoreTemporaryFolder()
    try outside.write("keep me", to: "precious/file.txt")
    let dead = try deadPID()
    let manager = FileManager.default
    // A dead run's folder, with seeds' files and links pointing out of it.
    let abandoned = "rigor-run-\(dead)-0badc0de"
    try base.write("seed output", to: "\(abandoned)/seeds/0/steps/1.txt")
    try manager.createSymbolicLink(
      atPath: base.url.appendingPathComponent("\(abandoned)/seeds/escape").path, withDestinationPath: outside.url.appendingPathComponent("precious").path)
    try manager.createSymbolicLink(
      atPath: base.url.appendingPathComponent("\(abandoned)/file-link").path, withDestinationPath: outside.url.appendingPathComponent("precious/file.txt").path)
    // A link named like a dead run's folder: removed as a link at most, never followed.
    let linked = "rigor-run-\(dead)-11111111"
    try manager.createSymbolicLink(atPath: base.url.appendingPathComponent(linked).path, withDestinationPath: outside.url.path)
    // A live process's folder (PID 1 always runs) and an unrelated name stay.
    let live = "rigor-run-1-22222222"
    try base.write("running", to: "\(live)/x")
    try base.write("other", to: "rigor-run-notapid/x")

    let removed = AbandonedScratch.removeAbandoned(prefix: "rigor-run", in: base.url)
    #expect(removed == [abandoned])
    #expect(!manager.fileExists(atPath: base.url.appendingPathComponent(abandoned).path))
    #expect(try String(contentsOf: outside.url.appendingPathComponent("precious/file.txt"), encoding: .utf8) == "keep me")
    #expect(manager.fileExists(atPath: base.url.appendingPathComponent("\(live)/x").path))
    #expect(manager.fileExists(atPath: base.url.appendingPathComponent("rigor-run-notapid/x").path))
    #expect((try? manager.destinationOfSymbolicLink(atPath: base.url.appendingPathComponent(linked).path)) == outside.url.path)
  }

  @Test func aRunRemovesTheScratchFolderAKilledRunLeft() throws {
    let repo = try ScratchRepository()
    let path = try repo.notebook("tiny", "# Tiny\n\n```swift\nrecord(\"x\", 1.0)\n```\n")
    let leftover = FileManager.default.temporaryDirectory.appendingPathComponent("rigor-run-\(try deadPID())-deadbeef")
    try FileManager.default.createDirectory(at: leftover.appendingPathComponent("seeds/0"), withIntermediateDirectories: true)
    try Data("left by SIGKILL".utf8).write(to: leftover.appendingPathComponent("seeds/0/out.txt"))
    defer { try? FileManager.default.removeItem(at: leftover) }
    let run = repo.rigor(["run", path, "--no-commit", "--no-sandbox"])
    #expect(run.status == 0, "\(run.stderr)")
    #expect(!FileManager.default.fileExists(atPath: leftover.path))
  }

  @Test(arguments: [true, false])
  func aGrandchildTheSeedDetachedIsKilledWithIt(keepsOutputOpen: Bool) throws {
    let fixture = try ExecutionFixture()
    let program = try fixture.python(
      "detach.py",
      """
      begin(1)
      child = os.fork()
      if child == 0:
          os.setsid()
          grandchild = os.fork()
          if grandchild == 0:
              if not \(keepsOutputOpen ? "True" : "False"):
                  null = os.open("/dev/null", os.O_RDWR)
                  for fd in (1, 2, int(os.environ["RIGOR_CHANNEL_FD"])):
                      os.dup2(null, fd)
              time.sleep(120)
              os._exit(0)
          with open(os.path.join(os.environ["TMPDIR"], "grandchild.pid"), "w") as f:
              f.write(str(grandchild))
          os._exit(0)
      os.waitpid(child, 0)
      end(1)
      finish()
      """)
    let launch = fixture.launch(program, steps: 1, sandboxed: false, timeout: 30)
    let started = Date()
    let outcome = try SeedRunner().run(launch)
    #expect(outcome.status == .ok, "\(outcome.errors)")
    let text = try String(contentsOf: launch.scratchDirectory.appendingPathComponent("grandchild.pid"), encoding: .utf8)
    let grandchild = try #require(pid_t(text.trimmingCharacters(in: .whitespacesAndNewlines)))
    // SIGKILL is delivered at once; reaping by whoever adopted it may take a moment.
    var waited = 0
    while isAlive(grandchild) && waited < 40 {
      usleep(50_000)
      waited += 1
    }
    #expect(!isAlive(grandchild), "the detached grandchild \(grandchild) outlived its seed")
    if isAlive(grandchild) { kill(grandchild, SIGKILL) }
    #expect(Date().timeIntervalSince(started) < 15)
  }
}
