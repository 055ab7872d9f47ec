import ArgumentParser

/// `rigor show`: one recorded result (default: the newest of the notebook).
struct ShowCommand: RigorSubcommand {
  static let configuration = CommandConfiguration(
    commandName: "show", abstract: "Show one recorded result: a result commit, or the newest for a source commit.")

  @Argument(help: "A result commit or a source commit (default: the notebook's newest result).")
  var revision: String?
  @Option(help: "The notebook NAME or file.") var notebook: String?
  @OptionGroup var repository: RepositoryOption
  @OptionGroup var common: CommonOptions

  func execute(_ console: Console) throws -> ExitStatus {
    let (_, store) = try ResultHistory.openHere(repository)
    let name = notebook.map { Notebook.name(forRepositoryPath: $0) }
    let (_, document) = try ResultLocator(store: store).locate(revision, notebook: name)
    if common.format == .json {
      console.out(try JSONOutput.encode(document))
    } else {
      console.out(TextReport(console: console).render(document))
    }
    return .success
  }
}
