import Foundation

/// Runs or checks several notebooks in turn and prints their documents.
///
/// With `--format json` the output is one JSON array (docs/CLI-JSON.md); the exit status is the highest
/// any notebook produced.
struct NotebookBatch {
  var console: Console
  var options: RunOptions

  func run(_ paths: [String], mode: NotebookSession.Mode) throws -> ExitStatus {
    var documents: [RunDocument] = []
    var status = ExitStatus.success
    for path in paths {
      let url = URL(fileURLWithPath: path)
      let session = NotebookSession(console: console, options: options, mode: mode)
      let (document, exit) = try session.run(url)
      documents.append(document)
      status = max(status, exit)
      if options.format == .text {
        console.out(TextReport(console: console, overridden: options.overrides.assignments.map(\.name)).render(document))
      }
    }
    if options.format == .json {
      console.out(try JSONOutput.encode(documents))
    }
    return status
  }
}
