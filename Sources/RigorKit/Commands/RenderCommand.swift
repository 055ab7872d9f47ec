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
    guard let (run, _) = try history.newest(), let text = try HTMLReport.rendering(run, store: history.store) else {
      throw CommandFailure(.storeFailed, "\(notebook) has no recorded result to render; run it first (rigor run \(notebook))")
    }
    let page = Data(text.utf8)
    if let output {
      try page.write(to: URL(fileURLWithPath: output), options: .atomic)
      if common.format == .json {
        console.out(try JSONOutput.encode(["output": output, "result_commit": run.commit.description]))
      } else {
        console.err("wrote \(output) from result \(run.commit.description.prefix(12))")
      }
    } else {
      console.out(String(decoding: page, as: UTF8.self))
    }
    return .success
  }
}
