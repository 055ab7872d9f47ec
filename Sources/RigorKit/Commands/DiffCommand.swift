import ArgumentParser

/// `rigor diff`: metric and tier changes between two recorded results or source commits.
struct DiffCommand: RigorSubcommand {
  static let configuration = CommandConfiguration(
    commandName: "diff",
    abstract: "Compare two recorded results: metrics (beyond seed noise?), claims, parameters, environment.",
    discussion: """
      rigor diff Notebooks/x.md              the notebook's two newest results
      rigor diff Notebooks/x.md REV          REV against the newest
      rigor diff Notebooks/x.md REV_A REV_B  two of its results (result or source commits)
      rigor diff REV_A [REV_B] [--notebook N]
      """)

  @Argument(help: "A notebook file, or the earlier result or source commit.") var first: String
  @Argument(help: "The earlier revision after a notebook; else the later one (default: the newest).") var second: String?
  @Argument(help: "After a notebook and its earlier revision: the later one.") var third: String?
  @Option(help: "The notebook NAME or file, with revisions.") var notebook: String?
  @OptionGroup var repository: RepositoryOption
  @OptionGroup var common: CommonOptions

  func execute(_ console: Console) throws -> ExitStatus {
    let (a, b) = try NotebookTarget.isNotebook(first) ? fromNotebook(first) : fromRevisions()
    let diff = ResultDiff(a: a, b: b)
    if common.format == .json {
      console.out(try JSONOutput.encode(diff))
    } else {
      console.out(diff.text)
    }
    return .success
  }

  private func fromRevisions() throws -> (RunDocument, RunDocument) {
    guard third == nil else {
      throw CommandFailure(.usage, "`\(first)` is not a notebook file; give at most two revisions")
    }
    let (_, store) = try ResultHistory.openHere(repository)
    let name = try notebook.map { try NotebookTarget.history(for: $0, repository: repository).name }
    let locator = ResultLocator(store: store)
    let a = try locator.locate(first, notebook: name)
    let b = try locator.locate(second, notebook: name ?? Notebook.name(forRepositoryPath: a.1.notebook))
    return (a.1, b.1)
  }

  private func fromNotebook(_ path: String) throws -> (RunDocument, RunDocument) {
    let history = try ResultHistory.open(notebook: path)
    let locator = ResultLocator(store: history.store)
    switch (second, third) {
    case let (a?, b?):
      return (try locator.locate(a, notebook: history.name).1, try locator.locate(b, notebook: history.name).1)
    case let (a?, nil):
      return (try locator.locate(a, notebook: history.name).1, try locator.locate(nil, notebook: history.name).1)
    default:
      let newest = try history.runs().filter { $0.kind == .result }.prefix(2)
      guard newest.count == 2, let later = try ResultHistory.document(of: newest[newest.startIndex]),
        let earlier = try ResultHistory.document(of: newest[newest.startIndex + 1])
      else {
        throw CommandFailure(
          .usage,
          "\(path) has \(newest.count == 1 ? "one recorded result" : "no recorded result") on refs/rigor/\(history.name); "
            + "diff needs two: run it again (`rigor run \(path)`), or name a revision")
      }
      return (earlier, later)
    }
  }
}
