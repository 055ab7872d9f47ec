import Foundation
import Testing

@testable import RigorKit

/// A throwaway folder with a fake notebook "binary" (a python3 or bash script speaking the
/// channel protocol through `rigor_child.py`) and the output and scratch folders of a seed.
final class ExecutionFixture {
  let root: URL
  let programs: URL

  init() throws {
    root = FileManager.default.temporaryDirectory
      .appendingPathComponent("rigor-exec-test-\(UUID().uuidString)", isDirectory: true)
    programs = root.appendingPathComponent("bin", isDirectory: true)
    try FileManager.default.createDirectory(at: programs, withIntermediateDirectories: true)
    try Self.protocolHelper.write(
      to: programs.appendingPathComponent("rigor_child.py"), atomically: true, encoding: .utf8)
  }

  deinit { try? FileManager.default.removeItem(at: root) }

  /// Writes an executable python3 program whose body can call `begin`, `end`, `finish`,
  /// `record`, `send` and `run_steps` from the helper.
  func python(_ name: String, _ body: String) throws -> URL {
    let text = """
      #!/usr/bin/env python3
      import os, sys, time, json, signal
      sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
      from rigor_child import *

      """ + body + "\n"
    return try executable(name, text)
  }

  func executable(_ name: String, _ text: String) throws -> URL {
    let url = programs.appendingPathComponent(name)
    try text.write(to: url, atomically: true, encoding: .utf8)
    chmod(url.path, 0o755)
    return url
  }

  func launch(
    _ binary: URL, seed: Int = 0, steps: Int, sandboxed: Bool = false, timeout: Double = 20,
    capBytes: Int = 256 * 1024, parametersJSON: String = "{}"
  ) -> SeedLaunch {
    SeedLaunch(
      binary: binary, seed: seed, parametersJSON: parametersJSON,
      outputDirectory: root.appendingPathComponent("out-\(seed)-\(UUID().uuidString.prefix(8))"),
      scratchDirectory: root.appendingPathComponent("scratch-\(seed)-\(UUID().uuidString.prefix(8))"),
      timeoutSeconds: timeout, sandboxed: sandboxed, blasThreads: 1, sourcePath: "Notebooks/x.md",
      steps: (1...max(1, steps)).map { SeedLaunch.Step(index: $0, line: 10 * $0) },
      outputCapBytes: capBytes)
  }

  /// The protocol as a python module: the same rules as RigorRuntime (flush and wait for
  /// the output pipe to drain before each step event) written independently.
  static let protocolHelper = #"""
    import os, sys, json, time, fcntl, termios, struct, resource

    _fd = int(os.environ.get("RIGOR_CHANNEL_FD", "-1"))

    def send(obj):
        data = (json.dumps(obj) + "\n").encode()
        while data:
            data = data[os.write(_fd, data):]

    def _wait_until_read(fd):
        deadline = time.monotonic() + 1
        while time.monotonic() < deadline:
            pending = struct.unpack("i", fcntl.ioctl(fd, termios.FIONREAD, b"\0\0\0\0"))[0]
            if pending == 0:
                break
            time.sleep(0.0002)

    def _settle():
        sys.stdout.flush()
        sys.stderr.flush()
        _wait_until_read(1)

    def begin(i):
        _settle()
        send({"event": "step_begin", "step": i, "t": time.monotonic()})
        _wait_until_read(_fd)

    def _maxrss():
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024

    def end(i):
        _settle()
        send({"event": "step_end", "step": i, "t": time.monotonic(), "maxrss": _maxrss()})

    def finish():
        _settle()
        send({"event": "finish", "t": time.monotonic(), "maxrss": _maxrss()})

    def record(step, name, value):
        send({"event": "record", "step": step, "name": name, "value": value})

    def run_steps(*bodies):
        for i, body in enumerate(bodies, 1):
            begin(i)
            body()
            end(i)
        finish()
    """#
}

/// Collects progress snapshots from the runner's thread.
final class ProgressLog: @unchecked Sendable {
  private let lock = NSLock()
  private var items: [SeedProgress] = []

  func append(_ progress: SeedProgress) { lock.withLock { items.append(progress) } }
  var all: [SeedProgress] { lock.withLock { items } }
}

let sandboxUsable = Sandbox.probe().isUsable
