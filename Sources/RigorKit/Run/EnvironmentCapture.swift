import Foundation

/// Records where and with what a run happened (`environment` in `result.json`).
enum EnvironmentCapture {
  static func capture(
    toolchain: InterpToolchain?, blasThreads: Int, jobs: Int, wallSeconds: Double, startedAt: Date
  ) -> EnvironmentDocument {
    let root = toolchain?.packageRoot ?? InterpToolchain.sourcePackageRoot
    return EnvironmentDocument(
      swiftVersion: toolchain.map(swiftVersion) ?? "not compiled (no steps)",
      os: operatingSystem(), cpu: cpuModel(), cores: ProcessInfo.processInfo.activeProcessorCount,
      blas: OpenBLASProbe.configuration,
      blasThreadsPerSeed: blasThreads, interpTree: cachedSourceIdentity(coreFolders(root), toolchain: toolchain),
      packages: resolvedPackages(root), jobs: jobs, wallSeconds: wallSeconds,
      startedAt: ISO8601DateFormatter().string(from: startedAt))
  }

  /// `swiftc --version`'s first line, cached per compiler so cached runs stay fast.
  static func swiftVersion(_ toolchain: InterpToolchain) -> String {
    let cache = BuildCache.standard().folder.appendingPathComponent(
      "swift-version-\(ContentKey([toolchain.fingerprint]).hex.prefix(16)).txt")
    if let text = try? String(contentsOf: cache, encoding: .utf8) { return text }
    guard let result = try? ProcessRunner.run(toolchain.swiftc, arguments: ["--version"]) else {
      return "unknown"
    }
    let line = result.output.split(separator: "\n").first.map(String.init) ?? "unknown"
    try? FileManager.default.createDirectory(at: cache.deletingLastPathComponent(), withIntermediateDirectories: true)
    try? line.write(to: cache, atomically: true, encoding: .utf8)
    return line
  }

  static func operatingSystem() -> String {
    var name = utsname()
    uname(&name)
    let kernel = withUnsafeBytes(of: &name.release) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
    let release = (try? String(contentsOfFile: "/etc/os-release", encoding: .utf8))?
      .split(separator: "\n").first { $0.hasPrefix("PRETTY_NAME=") }
      .map { $0.dropFirst("PRETTY_NAME=".count).trimmingCharacters(in: CharacterSet(charactersIn: "\"")) }
    return "\(release ?? "Linux"), kernel \(kernel)"
  }

  static func cpuModel() -> String {
    let info = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
    let line = info.split(separator: "\n").first { $0.hasPrefix("model name") }
    return line.flatMap { $0.split(separator: ":", maxSplits: 1).last }
      .map { $0.trimmingCharacters(in: .whitespaces) } ?? "unknown"
  }

  /// The core the seeds link: Interp and the statistics it re-exports (both in libInterp.so).
  static func coreFolders(_ root: URL) -> [URL] {
    ["Interp", "RigorStatistics"].map { root.appendingPathComponent("Sources/\($0)") }
  }

  /// `sourceIdentity`, remembered per library build: the notebook libraries are rebuilt whenever
  /// these sources change, so the toolchain fingerprint stands for them.
  static func cachedSourceIdentity(_ folders: [URL], toolchain: InterpToolchain?) -> String? {
    guard let toolchain else { return sourceIdentity(folders) }
    let cache = BuildCache.standard().folder.appendingPathComponent(
      "interp-source-\(ContentKey([toolchain.fingerprint] + folders.map(\.path)).hex.prefix(16)).txt")
    if let text = try? String(contentsOf: cache, encoding: .utf8), !text.isEmpty { return text }
    guard let identity = sourceIdentity(folders) else { return nil }
    try? FileManager.default.createDirectory(at: cache.deletingLastPathComponent(), withIntermediateDirectories: true)
    try? identity.write(to: cache, atomically: true, encoding: .utf8)
    return identity
  }

  /// A content id of the core's sources: the git blob ids of every file (named by its path from
  /// the folder's parent, e.g. `Interp/Tensor/Tensor.swift`), hashed together.
  static func sourceIdentity(_ folders: [URL]) -> String? {
    var parts: [String] = []
    for folder in folders {
      guard let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) else { continue }
      let parent = folder.deletingLastPathComponent().path
      for case let file as URL in walker where file.pathExtension == "swift" {
        guard let data = try? Data(contentsOf: file) else { continue }
        let relative = String(file.path.dropFirst(parent.count + 1))
        parts.append("\(relative) \(ContentKey(data).hex)")
      }
    }
    return parts.isEmpty ? nil : ContentKey(parts.sorted()).hex
  }

  /// Package versions from the Rigor checkout's `Package.resolved`, when it has one.
  static func resolvedPackages(_ root: URL) -> [String: String] {
    guard let data = try? Data(contentsOf: root.appendingPathComponent("Package.resolved")),
      let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
      let pins = object["pins"] as? [[String: Any]]
    else { return [:] }
    var packages: [String: String] = [:]
    for pin in pins {
      guard let identity = pin["identity"] as? String, let state = pin["state"] as? [String: Any] else { continue }
      packages[identity] = (state["version"] as? String) ?? (state["revision"] as? String) ?? "?"
    }
    return packages
  }
}
