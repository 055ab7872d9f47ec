import ArgumentParser

/// `rigor check`: validate and type-check without running; judge claims from the newest
/// recorded result of this exact notebook text; audit prose.
struct CheckCommand: RigorSubcommand {
  static let configuration = CommandConfiguration(
    commandName: "check",
    abstract: "Validate and compile notebooks without running them; judge claims from recorded results.")

  @Argument(help: "Notebook files (Markdown).")
  var notebooks: [String]

  @Option(name: .customLong("param"), help: "Override a front-matter parameter: NAME=VALUE (repeatable).")
  var parameters: [String] = []

  @Option(name: .customLong("min-tier"), help: "Exit 1 when any claim is below this tier (1-5).")
  var minTier: Int?

  @OptionGroup var common: CommonOptions

  func execute(_ console: Console) throws -> ExitStatus {
    var options = RunOptions()
    options.overrides = try ParameterOverrides(parameters)
    options.minimumTier = minTier
    options.format = common.format
    return try NotebookBatch(console: console, options: options).run(notebooks, mode: .check)
  }
}
