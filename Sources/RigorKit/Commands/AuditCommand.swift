import ArgumentParser
import Foundation

/// `rigor audit`: prose pontification flags for any Markdown file.
struct AuditCommand: RigorSubcommand {
  static let configuration = CommandConfiguration(
    commandName: "audit",
    abstract: "Flag assertive sentences with no hedge, no evidence and no link to a claim.")

  @Argument(help: "Markdown files (a notebook, a blog post, a paper draft).") var files: [String]
  @OptionGroup var common: CommonOptions

  func execute(_ console: Console) throws -> ExitStatus {
    var flags: [FlagDocument] = []
    var errors: [ErrorDocument] = []
    var status = ExitStatus.success
    for file in files {
      let url = URL(fileURLWithPath: file)
      do {
        let text = try MarkdownFile.read(url, path: file)
        flags += ProseAudit.flags(markdown: text, path: file)
      } catch let invalid as NotebookInvalid {
        errors += invalid.diagnostics.map { ErrorDocument($0) }
        for diagnostic in invalid.diagnostics { console.err(diagnostic.description) }
        status = .invalidNotebook
      }
    }
    if common.format == .json {
      console.out(try JSONOutput.encode(AuditDocument(files: files, flags: flags, errors: errors)))
    } else {
      for flag in flags { console.out("\(flag.file):\(flag.line): \"\(flag.cue)\": \(flag.text)") }
      console.err("\(flags.count) sentence(s) flagged in \(files.count) file(s)")
    }
    return status
  }
}

/// `rigor audit --format json`: `{"files": [...], "flags": [...], "errors": [...]}`.
struct AuditDocument: Codable {
  var files: [String]
  var flags: [FlagDocument]
  var errors: [ErrorDocument]
}
