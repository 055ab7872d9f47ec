import ArgumentParser
import Foundation

/// `rigor render`: the executed notebook as one HTML page, rendered afresh from its newest
/// recorded result's data, naming the result commit.
struct RenderCommand: RigorSubcommand {
  static let configuration = CommandConfiguration(
    commandName: "render", abstract: "Write the newest recorded result of a notebook as one HTML page.")

  @Argument(help: "The notebook file.") var notebook: String
  @Option(name: .shortAndLong, help: "Write the page here (default: standard output).") var output: String?
  @OptionGroup var common: CommonOptions

  func execute(_ console: Console) throws -> ExitStatus {
    let history = try ResultHistory.open(notebook: notebook)
    let newest = try history.newestOrShipped(console: console, notebookArgument: notebook)
    let page: Data?
    let commit: String
    switch newest {
    case .recorded(let run, let document):
      // Rendered afresh from the recorded data: a stored page is never passed on as it is.
      page = try HTMLReport.rendering(run, store: history.store, document: document).map { Data($0.utf8) }
      commit = run.commit.description
    case .shipped(let shipped):
      // Rendered afresh too: the shipped page is a file of an untrusted clone.
      let text = (try? String(contentsOfFile: notebook, encoding: .utf8)) ?? "# \(shipped.document.notebook)\n"
      page = Data(HTMLReport.rendering(shipped: shipped, notebookText: text).utf8)
      commit = shipped.document.resultCommit ?? "none"
    }
    guard let page else {
      throw CommandFailure(.usage, "\(notebook)'s newest result has no report.html; run it again (rigor run \(notebook))")
    }
    if let output {
      try page.write(to: URL(fileURLWithPath: output), options: .atomic)
      if common.format == .json {
        console.out(try JSONOutput.encode(["output": output, "result_commit": commit]))
      } else {
        console.err("wrote \(output) from result \(commit.prefix(12))")
      }
    } else {
      console.out(String(decoding: page, as: UTF8.self))
    }
    return .success
  }
}
