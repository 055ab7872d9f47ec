import Foundation
import Testing

@testable import RigorKit

/// A sandboxed seed cannot exhaust the machine's processes, and runs as a host user the
/// kernel limits, even when the runner is root (issue 12, item 6).
@Suite(.serialized, .enabled(if: sandboxUsable, "bubblewrap cannot create a sandbox here"))
struct ProcessLimitTests {
  @Test func aForkBombOfAThousandChildrenSpawnsFewerThanHalf() throws {
    let fixture = try ExecutionFixture()
    let program = try fixture.python(
      "bomb.py",
      """
      begin(1)
      spawned = 0
      children = []
      for i in range(1000):
          try:
              pid = os.fork()
          except OSError:
              continue
          if pid == 0:
              time.sleep(2)
              os._exit(0)
          spawned += 1
          children.append(pid)
      for pid in children:
          os.waitpid(pid, 0)
      record(1, "spawned", float(spawned))
      end(1)
      finish()
      """)
    let outcome = try SeedRunner().run(fixture.launch(program, steps: 1, sandboxed: true, timeout: 60))
    #expect(outcome.status == .ok, "\(outcome.errors) \(outcome.steps.map(\.output))")
    let spawned = try #require(outcome.metricValues["spawned"])
    #expect(spawned < 500, "the fork bomb spawned \(spawned) of 1000 children")
    #expect(spawned > 0)
  }

  @Test func theSeedsFilesBelongToAHostUserTheKernelLimits() throws {
    let fixture = try ExecutionFixture()
    let program = try fixture.python(
      "owner.py",
      """
      begin(1)
      with open(os.path.join(os.environ["RIGOR_OUTPUT_DIR"], "artifacts", "mine.txt"), "w") as f:
          f.write("x")
      record(1, "uid", float(os.getuid()))
      end(1)
      finish()
      """)
    let launch = fixture.launch(program, steps: 1, sandboxed: true)
    let outcome = try SeedRunner().run(launch)
    #expect(outcome.status == .ok, "\(outcome.errors) \(outcome.steps.map(\.output))")
    #expect(outcome.metricValues["uid"] == 65534)
    var info = stat()
    #expect(lstat(launch.outputDirectory.appendingPathComponent("artifacts/mine.txt").path, &info) == 0)
    let expectedOwner = geteuid() == 0 ? SandboxIdentity.dedicatedID : geteuid()
    #expect(info.st_uid == expectedOwner)
    #expect(info.st_uid != 0)
  }

  @Test func noDescriptorBeyondTheChannelCarriesAnythingIntoOrOutOfTheSeed() throws {
    let fixture = try ExecutionFixture()
    // bubblewrap leaves its --userns-block-fd open: the read end of a pipe the runner has
    // written one byte to and closed, so it must read as end of file and refuse writes.
    let program = try fixture.python(
      "fds.py",
      """
      begin(1)
      listing = os.open("/proc/self/fd", os.O_RDONLY | os.O_DIRECTORY)
      def is_open(fd):
          try:
              os.fstat(fd)
              return True
          except OSError:
              return False
      # listdir works on a duplicate of `listing`, closed again by now.
      open_fds = [int(n) for n in os.listdir(listing) if int(n) > 3 and int(n) != listing and is_open(int(n))]
      live = 0
      for fd in open_fds:
          try:
              os.write(fd, b"x")
              live += 1
          except OSError:
              pass
          try:
              os.set_blocking(fd, False)
              if os.read(fd, 64) != b"":
                  live += 1
          except BlockingIOError:
              live += 1
          except OSError:
              pass
      record(1, "extra", float(len(open_fds)))
      record(1, "live", float(live))
      end(1)
      finish()
      """)
    let outcome = try SeedRunner().run(fixture.launch(program, steps: 1, sandboxed: true))
    #expect(outcome.status == .ok, "\(outcome.errors) \(outcome.steps.map(\.output))")
    #expect(outcome.metricValues["live"] == 0)
    #expect((outcome.metricValues["extra"] ?? 99) <= 1, "\(outcome.steps.map(\.output))")
  }

  @Test func aRootRunnersSandboxDropsToTheDedicatedUserBeforeTheProgram() throws {
    let fixture = try ExecutionFixture()
    let launch = fixture.launch(fixture.programs.appendingPathComponent("prog"), steps: 1, sandboxed: true)
    let line = Sandbox.commandLine(
      bwrap: "/usr/bin/bwrap", launch: launch, command: ["prog"], home: "/root", identity: .dedicatedUser,
      setpriv: "/usr/bin/setpriv")
    let pairs = zip(line, line.dropFirst()).map { "\($0) \($1)" }
    #expect(pairs.contains("--userns-block-fd \(SandboxIdentity.blockDescriptor)"))
    #expect(pairs.contains("--cap-drop ALL"))
    #expect(!pairs.contains("--cap-add CAP_SYS_ADMIN"))
    #expect(Array(line.suffix(8)) == [
      "/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "--inh-caps=-all", "--no-new-privs", "--", "prog",
    ])
    // The sandbox dies with the runner even before bubblewrap arms --die-with-parent.
    let bwrapAt = try #require(line.firstIndex(of: "/usr/bin/bwrap"))
    #expect(Array(line[..<bwrapAt]) == SandboxIdentity.lifelineCommand(setpriv: "/usr/bin/setpriv", unshare: "/usr/bin/unshare"))
  }

  @Test(.enabled(if: geteuid() == 0, "only a root runner uses the dedicated user"))
  func theProbeTriesTheDedicatedUserHandshakeAndReportsBubblewrapsComplaint() throws {
    let bwrap = try #require(Sandbox.locate())
    let setpriv = try #require(SandboxIdentity.locateSetpriv())
    let unshare = try #require(SandboxIdentity.locateUnshare())
    #expect(Sandbox.probeDedicatedUser(bwrap: bwrap, setpriv: setpriv, unshare: unshare, trueCommand: "/bin/true").isUsable)
    let broken = Sandbox.probeDedicatedUser(bwrap: bwrap, setpriv: setpriv, unshare: unshare, trueCommand: "/nonexistent/true")
    #expect(!broken.isUsable)
    #expect(broken.problem?.contains("/nonexistent/true") == true, "\(broken.problem ?? "")")
  }

  @Test(.enabled(if: geteuid() == 0, "only a root runner uses the dedicated user"))
  func aRunnerGoneBeforeWritingTheIdMapsLeavesNoSandboxProcessBehind() throws {
    let fixture = try ExecutionFixture()
    let program = try fixture.python("idle.py", "time.sleep(30)")
    let launch = fixture.launch(program, steps: 1, sandboxed: true)
    for folder in [launch.outputDirectory, launch.scratchDirectory] {
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }
    let bwrap = try #require(Sandbox.locate())
    let line = Sandbox.commandLine(
      bwrap: bwrap, launch: launch, command: [program.path], home: "/root", identity: .dedicatedUser,
      setpriv: try #require(SandboxIdentity.locateSetpriv()), unshare: try #require(SandboxIdentity.locateUnshare()))
    // What a killed runner leaves: the block pipe's write end closed, no maps written.
    FileDescriptor.spawnLock.lock()
    let started = Result {
      try UserNamespaceHandshake.spawn(line, environment: ["PATH": "/usr/bin:/bin"], workingDirectory: nil, descriptors: [])
    }
    FileDescriptor.spawnLock.unlock()
    let handshake = try started.get()
    let child = handshake.bwrap
    var sandboxProcess: pid_t?
    let appeared = MonotonicClock.now() + 10
    while sandboxProcess == nil, MonotonicClock.now() < appeared {
      sandboxProcess = SandboxIdentity.sandboxProcess(below: child.pid)
      usleep(1000)
    }
    let inner = try #require(sandboxProcess)
    handshake.block.close()
    let deadline = MonotonicClock.now() + 5
    while child.reap(wait: false) == nil, MonotonicClock.now() < deadline { usleep(10_000) }
    let bwrapEnded = child.reap(wait: false) != nil
    if !bwrapEnded { child.killGroup() }
    #expect(bwrapEnded, "bubblewrap still runs 5 s after the runner let go")
    var innerGone = false
    while !innerGone, MonotonicClock.now() < deadline + 1 { innerGone = kill(inner, 0) != 0; usleep(10_000) }
    if !innerGone { kill(inner, SIGKILL) }
    #expect(innerGone, "the sandbox's first process \(inner) outlived the exchange")
  }

  @Test func mountPointsAboveBoundFoldersAreMadeOutsideSystemPaths() {
    let parents = Sandbox.mountPointParents(of: ["/tmp/a/b/out", "/tmp/a/b/scratch", "/usr/lib/x", "/root/.cache/rigor/models"])
    #expect(parents == ["/tmp", "/tmp/a", "/tmp/a/b", "/root", "/root/.cache", "/root/.cache/rigor"])
  }
}
