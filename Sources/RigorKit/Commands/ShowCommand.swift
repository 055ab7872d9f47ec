import ArgumentParser
import Foundation

/// `rigor show`: one recorded result (default: the newest of the notebook).
struct ShowCommand: RigorSubcommand {
  static let configuration = CommandConfiguration(
    commandName: "show",
    abstract: "Show one recorded result: a notebook's newest, a result commit, or the newest for a source commit.",
    discussion: """
      rigor show Notebooks/x.md          the notebook's newest result
      rigor show Notebooks/x.md REV      its result at REV (a result or source commit)
      rigor show REV [--notebook N]      the result REV names
      rigor show                         the newest result of the only notebook here
      In a fresh clone without refs/rigor/*, a notebook's shipped Results/NAME/result.json is shown.
      """)

  @Argument(help: "A notebook file, or a result or source commit.")
  var target: String?
  @Argument(help: "After a notebook: one of its result or source commits.")
  var revision: String?
  @Option(help: "The notebook NAME or file, with a revision.") var notebook: String?
  @OptionGroup var repository: RepositoryOption
  @OptionGroup var common: CommonOptions

  func execute(_ console: Console) throws -> ExitStatus {
    var notebookArgument = notebook
    var revision = self.revision
    if let target {
      if NotebookTarget.isNotebook(target) {
        notebookArgument = target
      } else {
        guard revision == nil else {
          throw CommandFailure(.usage, "`\(target)` is not a notebook file; give `rigor show NOTEBOOK.md REV` or `rigor show REV`")
        }
        revision = target
      }
    }
    let document: RunDocument
    if let revision {
      if let notebookArgument {
        let history = try NotebookTarget.history(for: notebookArgument, repository: repository)
        document = try ResultLocator(store: history.store).locate(revision, notebook: history.name).1
      } else {
        let (_, store) = try ResultHistory.openHere(repository)
        document = try ResultLocator(store: store).locate(revision, notebook: nil).1
      }
    } else {
      let path: String
      if let notebookArgument {
        path = notebookArgument
      } else {
        let (_, store) = try ResultHistory.openHere(repository)
        let here = URL(fileURLWithPath: repository.path ?? FileManager.default.currentDirectoryPath)
        path = try NotebookTarget.sole(in: here, store: store)
      }
      document = try NotebookTarget.history(for: path, repository: repository)
        .newestOrShipped(console: console, notebookArgument: path).document
    }
    if common.format == .json {
      console.out(try JSONOutput.encode(document))
    } else {
      console.out(TextReport(console: console).render(document))
    }
    return .success
  }
}
