import Foundation

extension SeedLaunch {
  /// The file descriptor number the channel has in the child.
  static let channelDescriptor = ChannelEnvironment.channelDescriptor

  /// Options for Swift's runtime backtracer: print a symbolicated trace of the crashed
  /// thread to stderr without waiting for a debugger, so the supervisor can find the
  /// notebook line (`#sourceLocation` puts `Notebooks/x.md:LINE:COL` in the frames).
  static let backtraceSetting =
    "enable=yes,interactive=no,color=no,output-to=stderr,threads=crashed,registers=none,images=none,symbolicate=full"

  /// The child's whole environment: a few variables passed through from the runner, the
  /// runtime's (`RIGOR_*`), BLAS threads, the backtracer, then `extraEnvironment`.
  ///
  /// The rest of the runner's environment is left out so a result does not depend on
  /// whatever the shell that ran `rigor` happened to export.
  func childEnvironment(inherited: [String: String] = ProcessInfo.processInfo.environment) -> [String: String] {
    var environment: [String: String] = [:]
    for key in ["PATH", "LANG", "LC_ALL", "TZ", "HOME"] {
      if let value = inherited[key] { environment[key] = value }
    }
    if environment["PATH"] == nil { environment["PATH"] = "/usr/local/bin:/usr/bin:/bin" }
    environment["TMPDIR"] = scratchDirectory.path
    environment[ChannelEnvironment.channelFD] = String(SeedLaunch.channelDescriptor)
    environment[ChannelEnvironment.seed] = String(seed)
    environment[ChannelEnvironment.parametersFile] = parametersFile.path
    environment[ChannelEnvironment.outputDirectory] = outputDirectory.path
    environment["OPENBLAS_NUM_THREADS"] = String(max(1, blasThreads))
    environment["OMP_NUM_THREADS"] = String(max(1, blasThreads))
    environment["SWIFT_BACKTRACE"] = SeedLaunch.backtraceSetting
    environment.merge(extraEnvironment) { _, extra in extra }
    return environment
  }

  /// Where the runner writes `parametersJSON` for the child: in the scratch folder, which the
  /// sandbox exposes. A file, because the environment has a size limit a long string
  /// parameter would pass.
  var parametersFile: URL { scratchDirectory.appendingPathComponent("rigor-params.json") }

  /// The working directory the child starts in.
  var effectiveWorkingDirectory: URL { workingDirectory ?? scratchDirectory }

  /// The step with `index`, if the launch lists it.
  func step(_ index: Int) -> Step? { steps.first { $0.index == index } }
}
