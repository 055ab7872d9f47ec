import Foundation
import Testing

@testable import RigorKit

/// A TCP socket listening on 127.0.0.1 in the test's own network namespace.
final class LoopbackListener {
  let fd: Int32
  let port: Int

  init() throws {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    self.fd = fd
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    address.sin_port = 0
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let bound = withUnsafeMutablePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
        bind(fd, pointer, length) == 0 && listen(fd, 8) == 0 && getsockname(fd, pointer, &length) == 0
      }
    }
    guard bound else { throw POSIXError(.EADDRNOTAVAIL) }
    port = Int(UInt16(bigEndian: address.sin_port))
  }

  deinit { close(fd) }
}

@Suite(.enabled(if: sandboxUsable, "bubblewrap cannot create a sandbox here"))
struct ExecutionSandboxTests {
  static let probeProgram = """
    import socket
    tag = os.environ["TEST_TAG"]
    def attempt(action):
        try:
            action()
            return 1.0
        except Exception:
            return 0.0
    def write(path):
        with open(path, "w") as f:
            f.write("x")
    begin(1)
    port = int(os.environ["TEST_PORT"])
    record(1, "network", attempt(lambda: socket.create_connection(("127.0.0.1", port), timeout=2).close()))
    if os.environ.get("TEST_NETWORK_ONLY") != "1":
        record(1, "home_write", attempt(lambda: write(os.path.join(os.environ["HOME"], "rigor-probe-" + tag))))
        record(1, "home_empty", float(len(os.listdir(os.environ["HOME"])) == 0))
        record(1, "root_write", attempt(lambda: write("/rigor-probe-" + tag)))
        # With capabilities left (a root runner), remounting / writable would succeed.
        import subprocess
        subprocess.run(["mount", "-o", "remount,rw,bind", "/"], capture_output=True)
        record(1, "remount_write", attempt(lambda: write("/rigor-remount-" + tag)))
        record(1, "outside_write", attempt(lambda: write(os.path.join(os.environ["TEST_OUTSIDE"], "probe"))))
        record(1, "tmp_write", attempt(lambda: write("/tmp/rigor-probe-" + tag)))
        record(1, "output_write", attempt(lambda: write(os.path.join(os.environ["RIGOR_OUTPUT_DIR"], "artifacts", "probe.txt"))))
        record(1, "scratch_write", attempt(lambda: write(os.path.join(os.environ["TMPDIR"], "probe"))))
    end(1)
    finish()
    """

  @Test func networkIsReachableWithoutTheSandboxAndUnreachableInside() throws {
    let fixture = try ExecutionFixture()
    let listener = try LoopbackListener()
    let program = try fixture.python("net.py", Self.probeProgram)
    var results: [Bool: Double] = [:]
    for sandboxed in [false, true] {
      var launch = fixture.launch(program, steps: 1, sandboxed: sandboxed)
      launch.extraEnvironment = ["TEST_PORT": String(listener.port), "TEST_TAG": "n", "TEST_NETWORK_ONLY": "1"]
      let outcome = try SeedRunner().run(launch)
      #expect(outcome.status == .ok, "\(outcome.errors) \(outcome.steps.map(\.output))")
      results[sandboxed] = outcome.metricValues["network"]
    }
    #expect(results == [false: 1, true: 0])
  }

  @Test func onlyTheOutputAndScratchFoldersAreWritable() throws {
    let fixture = try ExecutionFixture()
    let listener = try LoopbackListener()
    let program = try fixture.python("fs.py", Self.probeProgram)
    let tag = UUID().uuidString
    // Outside /tmp and home (which the sandbox replaces), so a write there would reach the host.
    let outside = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent(".build/rigor-sandbox-\(tag)")
    try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: outside) }
    var launch = fixture.launch(program, steps: 1, sandboxed: true)
    launch.extraEnvironment = [
      "TEST_PORT": String(listener.port), "TEST_TAG": tag, "TEST_OUTSIDE": outside.path,
    ]
    let outcome = try SeedRunner().run(launch)
    #expect(outcome.status == .ok, "\(outcome.errors) \(outcome.steps.map(\.output))")
    #expect(outcome.metricValues == [
      "network": 0, "home_write": 0, "home_empty": 1, "root_write": 0, "remount_write": 0, "outside_write": 0,
      "tmp_write": 1,
      "output_write": 1, "scratch_write": 1,
    ])
    let manager = FileManager.default
    #expect(manager.fileExists(atPath: launch.outputDirectory.appendingPathComponent("artifacts/probe.txt").path))
    #expect(manager.fileExists(atPath: launch.scratchDirectory.appendingPathComponent("probe").path))
    #expect(!manager.fileExists(atPath: "/tmp/rigor-probe-" + tag))
    #expect(!manager.fileExists(atPath: "/rigor-probe-" + tag))
    #expect(!manager.fileExists(atPath: "/rigor-remount-" + tag))
    #expect(!manager.fileExists(atPath: outside.appendingPathComponent("probe").path))
  }

  @Test func readOnlyFolderUnderTmpIsVisibleAsTheWorkingDirectoryButNotWritable() throws {
    let fixture = try ExecutionFixture()
    let data = fixture.root.appendingPathComponent("repo", isDirectory: true)
    try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
    try "42".write(to: data.appendingPathComponent("data.txt"), atomically: true, encoding: .utf8)
    let program = try fixture.python(
      "data.py",
      """
      def write():
          with open("new.txt", "w") as f:
              f.write("x")
      begin(1)
      record(1, "value", float(open("data.txt").read()))
      try:
          write()
          record(1, "writable", 1.0)
      except OSError:
          record(1, "writable", 0.0)
      end(1)
      finish()
      """)
    var launch = fixture.launch(program, steps: 1, sandboxed: true)
    launch.readOnlyPaths = [data]
    launch.workingDirectory = data
    let outcome = try SeedRunner().run(launch)
    #expect(outcome.metricValues == ["value": 42, "writable": 0], "\(outcome.errors) \(outcome.steps.map(\.output))")
    #expect(!FileManager.default.fileExists(atPath: data.appendingPathComponent("new.txt").path))
  }

  @Test func peakMemoryReportedByTheSandboxedProgramIsKept() throws {
    let fixture = try ExecutionFixture()
    let program = try fixture.python(
      "mem.py", "begin(1)\nhog = bytearray(96 << 20)\nend(1)\nfinish()")
    let outcome = try SeedRunner().run(fixture.launch(program, steps: 1, sandboxed: true))
    #expect(outcome.status == .ok)
    #expect(outcome.peakMemoryBytes >= 96 << 20)
  }

  @Test func peakMemoryOfASandboxedProgramKilledWithoutReportingIsSampled() throws {
    let fixture = try ExecutionFixture()
    // Holds the memory long enough for several samples, then dies without a word.
    let program = try fixture.python(
      "memkill.py", "begin(1)\nhog = bytearray(96 << 20)\ntime.sleep(1)\nos.kill(os.getpid(), signal.SIGKILL)")
    let outcome = try SeedRunner().run(fixture.launch(program, steps: 1, sandboxed: true))
    #expect(outcome.termination == .signaled(SIGKILL))
    #expect(outcome.peakMemoryBytes >= 96 << 20)
  }

  @Test func commandLineHidesHomeAndBindsOnlyTheSeedFoldersWritable() throws {
    let fixture = try ExecutionFixture()
    let launch = fixture.launch(fixture.programs.appendingPathComponent("prog"), steps: 1, sandboxed: true)
    let home = fixture.root.deletingLastPathComponent().path == "/tmp" ? "/root" : NSHomeDirectory()
    let line = Sandbox.commandLine(
      bwrap: "/usr/bin/bwrap", launch: launch, command: ["prog"], home: home, identity: .runnersUser)
    let pairs = zip(line, line.dropFirst()).map { "\($0) \($1)" }
    #expect(line.contains("--unshare-all"))
    #expect(line.contains("--die-with-parent"))
    #expect(pairs.contains("--cap-drop ALL"))
    #expect(!pairs.contains("--ro-bind /"))
    #expect(pairs.contains("--ro-bind /usr"))
    #expect(pairs.contains("--tmpfs /tmp"))
    #expect(pairs.contains("--uid 65534"))
    #expect(line.contains("--unshare-user"))
    let writable = zip(line, line.dropFirst()).filter { $0.0 == "--bind" }.map(\.1)
    #expect(writable == [launch.outputDirectory.path, launch.scratchDirectory.path])
    #expect(pairs.contains("--ro-bind \(fixture.programs.path)"))
    #expect(Array(line.suffix(2)) == ["--", "prog"])
  }
}

@Suite struct ExecutionSandboxProbeTests {
  @Test func missingBubblewrapIsReportedWithTheInstallFix() {
    let status = Sandbox.probe(environment: ["PATH": "/nonexistent"])
    if Sandbox.knownLocations.contains(where: { FileManager.default.isExecutableFile(atPath: $0) }) {
      // bwrap is installed at a fixed location, so PATH cannot hide it.
      #expect(status.bwrapPath != nil)
    } else {
      #expect(!status.isUsable)
      #expect(status.fix?.contains("bubblewrap") == true)
    }
  }

  @Test func usableSandboxHasNoProblem() {
    let status = Sandbox.probe()
    if status.isUsable {
      #expect(status.problem == nil)
      #expect(status.fix == nil)
    } else {
      #expect(status.problem != nil)
      #expect(status.fix != nil)
    }
  }
}
