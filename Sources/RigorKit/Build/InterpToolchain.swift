import Foundation

/// Where the compiler and the release-built `Interp` and `RigorRuntime` libraries are.
///
/// Steps compile against the modules and link the dynamic libraries found here. The lookup
/// order: `RIGOR_INTERP_BUILD` (a folder holding `libInterp.so` and `Modules/`); the folder of
/// the running `rigor` when it is a release build; otherwise a release build in
/// `.build-notebook/` of the Rigor checkout, made (or refreshed when the core's sources are
/// newer) on first use.
public struct InterpToolchain: Sendable {
  /// The folder holding `libInterp.so`, `libRigorRuntime.so` and `Modules/*.swiftmodule`.
  public var libraryFolder: URL
  /// The Rigor checkout, for the C module maps Interp imports (`Sources/CBLAS`).
  public var packageRoot: URL
  /// The Swift compiler.
  public var swiftc: URL
  /// The lock a rebuild of `libraryFolder` takes, when Rigor builds that folder itself; nil for
  /// folders built by someone else.
  ///
  /// Concurrent runs all find the first-use build of `.build-notebook/` missing. Without a lock
  /// each ran `swift build` in turn, and a run could compile against a library the linker was
  /// still writing (gold then fails with an internal error). The builder holds the lock
  /// exclusively and the others re-check after it; compiles hold it shared.
  public var lockFile: URL?

  public init(libraryFolder: URL, packageRoot: URL, swiftc: URL, lockFile: URL? = nil) {
    self.libraryFolder = libraryFolder
    self.packageRoot = packageRoot
    self.swiftc = swiftc
    self.lockFile = lockFile
  }

  /// Runs `body` while no rebuild of the libraries can start (a shared ``FileLock``).
  func whileInUse<T>(_ body: () throws -> T) throws -> T {
    guard let lockFile else { return try body() }
    return try FileLock.holding(lockFile, .shared, body)
  }

  static let libraries = ["libInterp.so", "libRigorRuntime.so"]
  /// RigorProtocol is linked into libRigorRuntime.so and RigorStatistics into libInterp.so;
  /// their modules must be found by compiles because RigorRuntime and Interp re-export them.
  static let modules = [
    "Modules/Interp.swiftmodule", "Modules/RigorStatistics.swiftmodule",
    "Modules/RigorRuntime.swiftmodule", "Modules/RigorProtocol.swiftmodule",
  ]

  /// The checkout this copy of RigorKit was built from.
  public static var sourcePackageRoot: URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent()  // Build
      .deletingLastPathComponent()  // RigorKit
      .deletingLastPathComponent()  // Sources
      .deletingLastPathComponent()
  }

  /// Finds or builds the toolchain; `log` receives progress lines for a first-use build.
  public static func locate(log: (String) -> Void = { _ in }) throws -> InterpToolchain {
    let environment = ProcessInfo.processInfo.environment
    let root = environment["RIGOR_HOME"].map { URL(fileURLWithPath: $0) } ?? sourcePackageRoot
    let swiftc = try findSwiftc(environment: environment)
    if let folder = environment["RIGOR_INTERP_BUILD"] {
      let url = URL(fileURLWithPath: folder)
      guard isComplete(url) else {
        throw ToolchainError.incompleteBuild(url.path)
      }
      return InterpToolchain(libraryFolder: url, packageRoot: root, swiftc: swiftc)
    }
    if let executable = currentExecutable(), executable.path.contains("/release/") {
      let folder = executable.deletingLastPathComponent()
      if isComplete(folder) {
        return InterpToolchain(libraryFolder: folder, packageRoot: root, swiftc: swiftc)
      }
    }
    let scratch = root.appendingPathComponent(".build-notebook")
    let folder = scratch.appendingPathComponent("release")
    let lockFile = scratch.appendingPathComponent("rigor-toolchain.lock")
    if needsBuild(folder, root: root) {
      try FileLock.holding(lockFile, .exclusive) {
        // Checked again under the lock: a run that waited here finds the build another made.
        guard needsBuild(folder, root: root) else { return }
        log("Building the Interp core for notebooks (release, once)...")
        let started = Date()
        for product in ["Interp", "RigorRuntime"] {
          try runSwiftBuild(product: product, root: root, scratch: scratch, swiftc: swiftc)
        }
        guard isComplete(folder) else { throw ToolchainError.incompleteBuild(folder.path) }
        markBuilt(folder, at: started)
      }
    }
    return InterpToolchain(libraryFolder: folder, packageRoot: root, swiftc: swiftc, lockFile: lockFile)
  }

  static func needsBuild(_ folder: URL, root: URL) -> Bool {
    !isComplete(folder) || sourcesAreNewer(root: root, than: folder)
  }

  static func isComplete(_ folder: URL) -> Bool {
    (libraries + modules).allSatisfy {
      FileManager.default.fileExists(atPath: folder.appendingPathComponent($0).path)
    }
  }

  static func currentExecutable() -> URL? {
    guard let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")
    else { return nil }
    return URL(fileURLWithPath: path)
  }

  static func findSwiftc(environment: [String: String]) throws -> URL {
    if let explicit = environment["SWIFTC"] { return URL(fileURLWithPath: explicit) }
    for folder in (environment["PATH"] ?? "/usr/bin").split(separator: ":") {
      let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent("swiftc")
      if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
    }
    throw ToolchainError.noCompiler
  }

  /// Dates both libraries to when the build that just succeeded started.
  ///
  /// SwiftPM leaves a library untouched when its sources changed date but not content (a
  /// checkout, a merge, a new worktree), so their dates alone would call for a build on every
  /// run; a source saved during the build stays newer than the mark.
  static func markBuilt(_ folder: URL, at date: Date) {
    for library in libraries {
      try? FileManager.default.setAttributes([.modificationDate: date], ofItemAtPath: folder.appendingPathComponent(library).path)
    }
  }

  /// The targets each library is built from: a library is stale when one of its own sources
  /// is newer than it. (Comparing every source with the older library was always true after an
  /// Interp change, since building RigorRuntime never relinks it: every run rebuilt, ~3 s.)
  static let librarySources = [
    "libInterp.so": ["Interp", "RigorStatistics"], "libRigorRuntime.so": ["RigorRuntime", "RigorProtocol"],
  ]

  /// True when a source file of a library's targets changed after that library was built.
  static func sourcesAreNewer(root: URL, than folder: URL) -> Bool {
    for (library, targets) in librarySources {
      guard let built = modificationDate(folder.appendingPathComponent(library)) else { return true }
      for target in targets {
        let sources = root.appendingPathComponent("Sources/\(target)")
        guard let walker = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: [.contentModificationDateKey]) else { continue }
        for case let file as URL in walker where file.pathExtension == "swift" {
          if let date = modificationDate(file), date > built { return true }
        }
      }
    }
    return false
  }

  static func modificationDate(_ url: URL) -> Date? {
    (try? FileManager.default.attributesOfItem(atPath: url.path))?[.modificationDate] as? Date
  }

  static func runSwiftBuild(product: String, root: URL, scratch: URL, swiftc: URL) throws {
    let swift = swiftc.deletingLastPathComponent().appendingPathComponent("swift")
    let result = try ProcessRunner.run(
      swift,
      arguments: [
        "build", "-c", "release", "--product", product, "--scratch-path", scratch.path,
        "--package-path", root.path,
      ])
    guard result.status == 0 else {
      throw ToolchainError.buildFailed(product: product, output: result.output)
    }
  }

  /// Identifies the exact compiler and libraries, for build-cache keys.
  public var fingerprint: String {
    let files = [swiftc] + (Self.libraries + Self.modules).map { libraryFolder.appendingPathComponent($0) }
    return files.map { url in
      let attributes = (try? FileManager.default.attributesOfItem(atPath: url.path)) ?? [:]
      let size = attributes[.size] as? Int ?? -1
      let date = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
      return "\(url.path)|\(size)|\(date)"
    }.joined(separator: "\n")
  }
}

/// Why the compiler or the Interp libraries could not be found or built.
public enum ToolchainError: Error, CustomStringConvertible {
  case noCompiler
  case incompleteBuild(String)
  case buildFailed(product: String, output: String)

  public var description: String {
    switch self {
    case .noCompiler:
      "cannot find `swiftc` on PATH (install Swift 6 or set SWIFTC)"
    case .incompleteBuild(let path):
      "\(path) does not hold a complete Interp build (libInterp.so, libRigorRuntime.so, Modules/)"
    case .buildFailed(let product, let output):
      "building \(product) for notebooks failed:\n\(output.suffix(4000))"
    }
  }
}
