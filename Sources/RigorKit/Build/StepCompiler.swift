import Foundation

/// Compiles a notebook's steps into one executable, cached by content.
///
/// The key covers the generated source, the compiler and library fingerprint and the flags, so
/// editing a step, rebuilding Interp or changing Swift all recompile, and nothing else does.
/// Errors come back as `Diagnostic`s at the notebook's own lines thanks to `#sourceLocation`.
public struct StepCompiler: Sendable {
  public var toolchain: InterpToolchain
  public var cache: BuildCache

  public init(toolchain: InterpToolchain, cache: BuildCache) {
    self.toolchain = toolchain
    self.cache = cache
  }

  /// Flags every notebook is compiled with (docs/NOTEBOOK-FORMAT.md: Swift 5 mode; `-g` for backtraces).
  public static let languageFlags = ["-g", "-swift-version", "5", "-diagnostic-style", "llvm"]

  var arguments: [String] {
    // The real folder, not a symlink to it (`.build/release` is one): the sandbox binds real
    // folders only, so an rpath through a symlink under /tmp would not resolve inside it.
    let lib = toolchain.libraryFolder.resolvingSymlinksInPath().path
    return Self.languageFlags + [
      "-module-name", "RigorNotebook",
      "-I", toolchain.libraryFolder.appendingPathComponent("Modules").path,
      "-I", toolchain.packageRoot.appendingPathComponent("Sources/CBLAS").path,
      "-L", lib, "-lInterp", "-lRigorRuntime",
      "-Xlinker", "-rpath", "-Xlinker", lib,
    ]
  }

  /// Returns the cached binary for `notebook`, compiling it first when needed.
  ///
  /// - Parameter workingDirectory: where relative notebook paths resolve (the repository root).
  public func compile(_ notebook: Notebook, workingDirectory: URL) throws -> CompileOutcome {
    // The fingerprint and the compile must see the same libraries: no rebuild in between.
    try toolchain.whileInUse { try compileUnlocked(notebook, workingDirectory: workingDirectory) }
  }

  private func compileUnlocked(_ notebook: Notebook, workingDirectory: URL) throws -> CompileOutcome {
    let source = StepProgramGenerator().generate(notebook)
    let key = ContentKey([rigorVersion, source, toolchain.fingerprint, arguments.joined(separator: " ")])
    let started = Date()
    if let binary = cache.binary(for: key) {
      return CompileOutcome(binary: binary, key: key, cached: true, seconds: 0, diagnostics: [])
    }
    let entry = try cache.prepareEntry(for: key)
    let sourceURL = entry.appendingPathComponent("main.swift")
    try Data(source.utf8).write(to: sourceURL, options: .atomic)
    let temporary = entry.appendingPathComponent(
      BuildCache.temporaryName(pid: getpid(), nonce: UInt32.random(in: 0...UInt32.max)))
    let result = try ProcessRunner.run(
      toolchain.swiftc, arguments: arguments + [sourceURL.path, "-o", temporary.path],
      currentDirectory: workingDirectory)
    let diagnostics = CompilerDiagnosticParser(notebook: notebook, generatedPath: sourceURL.path)
      .parse(result.output)
    guard result.status == 0 else {
      try? FileManager.default.removeItem(at: temporary)
      var errors = diagnostics
      if !errors.contains(where: { $0.severity == .error }) {
        errors = [
          Diagnostic(
            "the compiler failed: \(result.output.suffix(2000))",
            at: SourceLocation(file: notebook.path, line: 1, column: 1))
        ] + errors
      }
      return CompileOutcome(
        binary: nil, key: key, cached: false, seconds: Date().timeIntervalSince(started),
        diagnostics: errors)
    }
    let binary = try cache.install(temporary, for: key)
    return CompileOutcome(
      binary: binary, key: key, cached: false, seconds: Date().timeIntervalSince(started),
      diagnostics: diagnostics)
  }
}

/// What compiling a notebook produced.
public struct CompileOutcome: Sendable {
  /// The executable, or nil when compilation failed.
  public var binary: URL?
  public var key: ContentKey
  /// True when the binary came from the cache.
  public var cached: Bool
  public var seconds: Double
  /// Errors (when `binary` is nil) and warnings, at notebook lines.
  public var diagnostics: [Diagnostic]
}
