import ArgumentParser
import Foundation

/// `rigor export`: the newest recorded result of a notebook as a Jupyter notebook.
struct ExportCommand: RigorSubcommand {
  static let configuration = CommandConfiguration(
    commandName: "export",
    abstract: "Write the newest recorded result of a notebook as a Jupyter notebook (nbformat 4.5) with its outputs.")

  @Argument(help: "The notebook file.") var notebook: String
  @Flag(help: "Export as a Jupyter notebook (the one format so far).") var ipynb = false
  @Option(help: "Whose outputs and figures to include (default: the result's first seed).") var seed: Int?
  @Option(name: .shortAndLong, help: "Write here (default: standard output).") var output: String?
  @OptionGroup var common: CommonOptions

  func validate() throws {
    guard ipynb else { throw ValidationError("choose a format: --ipynb") }
  }

  func execute(_ console: Console) throws -> ExitStatus {
    let history = try ResultHistory.open(notebook: notebook)
    guard let (run, document) = try history.newest() else {
      throw CommandFailure(.storeFailed, "\(notebook) has no recorded result to export; run it first (rigor run \(notebook))")
    }
    let chosen = seed ?? document.seeds.first ?? 0
    guard document.seeds.contains(chosen) else {
      throw CommandFailure(.usage, "seed \(chosen) is not in the result \(run.commit.description.prefix(12)) (seeds \(SeedList.describe(document.seeds)))")
    }
    let files = try run.files()
    var text = (try? String(contentsOfFile: notebook, encoding: .utf8)) ?? ""
    if let registration = run.registration, let stored = try history.store.readFile("notebook.md", in: registration) {
      text = String(decoding: stored, as: UTF8.self)
    }
    let parsed = NotebookParser().parse(text: text, path: document.notebook).notebook
    let figureSteps = HTMLReport.figureSteps(in: files)
    let data = try JupyterExport(document: document, notebook: parsed, files: files, figureSteps: figureSteps, seed: chosen).render()
    if let output {
      try data.write(to: URL(fileURLWithPath: output), options: .atomic)
      if common.format == .json {
        console.out(try JSONOutput.encode(["output": output, "result_commit": run.commit.description, "seed": String(chosen)]))
      } else {
        console.err("wrote \(output) from result \(run.commit.description.prefix(12)), outputs of seed \(chosen)")
      }
    } else {
      console.out(String(decoding: data, as: UTF8.self))
    }
    return .success
  }
}
