import ArgumentParser
import Foundation

/// `rigor site`: a static folder over every `refs/rigor/*` of the repository.
struct SiteCommand: RigorSubcommand {
  static let configuration = CommandConfiguration(
    commandName: "site",
    abstract: "Write a static site over every recorded result: notebooks, tiers, metric histories, reports, diffs.",
    discussion: "Publishable as it is (e.g. GitHub Pages); pages carry no script. A rebuild rewrites only the files whose content changed.")

  @Option(name: .shortAndLong, help: "The folder to write (default: site).") var output: String = "site"
  @OptionGroup var repository: RepositoryOption
  @OptionGroup var common: CommonOptions

  func execute(_ console: Console) throws -> ExitStatus {
    let (_, store) = try ResultHistory.openHere(repository)
    let writer = SiteWriter(root: URL(fileURLWithPath: output))
    try SiteBuilder(store: store, writer: writer).build()
    if common.format == .json {
      console.out(try JSONOutput.encode(["output": output, "written": String(writer.written), "unchanged": String(writer.unchanged)]))
    } else {
      console.err("wrote \(writer.written) file(s) to \(output), \(writer.unchanged) unchanged")
    }
    return .success
  }
}
