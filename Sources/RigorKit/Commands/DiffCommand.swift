import ArgumentParser

/// `rigor diff`: metric and tier changes between two recorded results or source commits.
struct DiffCommand: RigorSubcommand {
  static let configuration = CommandConfiguration(
    commandName: "diff", abstract: "Compare two recorded results: metrics (beyond seed noise?), claims, parameters, environment.")

  @Argument(help: "The earlier result or source commit.") var revisionA: String
  @Argument(help: "The later one (default: the notebook's newest result).") var revisionB: String?
  @Option(help: "The notebook NAME or file.") var notebook: String?
  @OptionGroup var repository: RepositoryOption
  @OptionGroup var common: CommonOptions

  func execute(_ console: Console) throws -> ExitStatus {
    let (_, store) = try ResultHistory.openHere(repository)
    let name = notebook.map { Notebook.name(forRepositoryPath: $0) }
    let locator = ResultLocator(store: store)
    let a = try locator.locate(revisionA, notebook: name)
    let b = try locator.locate(revisionB, notebook: name ?? Notebook.name(forRepositoryPath: a.1.notebook))
    let diff = ResultDiff(a: a.1, b: b.1)
    if common.format == .json {
      console.out(try JSONOutput.encode(diff))
    } else {
      console.out(diff.text)
    }
    return .success
  }
}
