import ArgumentParser

/// The `rigor` command: makes interpretability claims executable.
public struct RigorCommand: ParsableCommand {
  public static let configuration = CommandConfiguration(
    commandName: "rigor",
    abstract: "Run Markdown notebooks of interpretability experiments and judge their claims.",
    discussion: """
      A notebook's ```swift blocks are experiment steps run against Rigor's interpretability \
      core; its ```claim blocks are predictions judged into rigor tiers (1 Pontification ... \
      5 Net Safety Benefit) by statistics over every seed. Every run is recorded as a git \
      commit on refs/rigor/NAME.
      """,
    version: rigorVersion,
    subcommands: [
      NewCommand.self, RunCommand.self, CheckCommand.self, AuditCommand.self, LogCommand.self, ShowCommand.self,
      DiffCommand.self, VerifyCommand.self, RenderCommand.self, PushCommand.self,
      PullCommand.self, ModelsCommand.self, SiteCommand.self, ExportCommand.self,
    ])

  public init() {}
}

/// A subcommand that reports an exit status instead of exiting the process itself.
protocol RigorSubcommand: ParsableCommand {
  func execute(_ console: Console) throws -> ExitStatus
}

extension RigorSubcommand {
  public func run() throws {
    let status = try execute(Console.standard())
    if status != .success { throw ExitCode(status.rawValue) }
  }
}

/// Runs `rigor` with `arguments` and returns its exit code; `main.swift` and tests call this.
public enum RigorCLI {
  /// ``run(_:console:)`` for the `rigor` process itself.
  ///
  /// The runner links no BLAS (it judges with RigorStatistics; seeds are other processes), so
  /// no worker threads need stopping here; ``OpenBLASProbe`` only loads OpenBLAS to describe it.
  public static func runAsProcess(_ arguments: [String]) -> Int32 {
    run(arguments)
  }

  public static func run(_ arguments: [String], console: Console = .standard()) -> Int32 {
    do {
      var command = try RigorCommand.parseAsRoot(arguments)
      guard let subcommand = command as? RigorSubcommand else {
        // `rigor help run`, `rigor run --help` and bare `rigor` parse to ArgumentParser's own
        // commands, whose `run()` throws the help request for the right command; the catch
        // below renders it, so each command's help names its own options.
        try command.run()
        console.out(RigorCommand.helpMessage())
        return ExitStatus.success.rawValue
      }
      return try subcommand.execute(console).rawValue
    } catch let failure as CommandFailure {
      console.err("error: \(failure.message)")
      return failure.status.rawValue
    } catch let error as GitError {
      console.err("error: the result store failed: \(error)")
      return ExitStatus.storeFailed.rawValue
    } catch let error as ResultStoreError {
      console.err("error: the result store failed: \(error)")
      return ExitStatus.storeFailed.rawValue
    } catch let error as UnreadableResult {
      console.err("error: \(error); it is not taken as a verdict (record a new run with `rigor run`)")
      return ExitStatus.storeFailed.rawValue
    } catch let error as ToolchainError {
      console.err("error: \(error)")
      return ExitStatus.compileError.rawValue
    } catch let error as ExecutionError {
      console.err("error: running the seeds failed: \(error)")
      return ExitStatus.stepFailed.rawValue
    } catch {
      let code = RigorCommand.exitCode(for: error)
      let message = RigorCommand.fullMessage(for: error)
      if code == .success {
        if !message.isEmpty { console.out(message) }
        return 0
      }
      if !message.isEmpty { console.err(message) }
      // ArgumentParser uses EX_USAGE (64) for bad arguments; Rigor's contract says 2.
      return code == ExitCode.validationFailure ? ExitStatus.usage.rawValue : code.rawValue
    }
  }
}
