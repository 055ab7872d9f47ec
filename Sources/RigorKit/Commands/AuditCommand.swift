import ArgumentParser
import Foundation

/// `rigor audit`: prose pontification flags for any Markdown file.
struct AuditCommand: RigorSubcommand {
  static let configuration = CommandConfiguration(
    commandName: "audit",
    abstract: "Flag assertive sentences with no hedge, no evidence and no link to a supported claim.",
    discussion: """
      In a notebook with a recorded result, evidence is checked against the newest result: a \
      link counts only to a claim supported at tier 2 or more, a number with ± or a CI only when \
      it matches a recorded metric's mean, "n =" a claim's N and "p =" a claim's sign-flip p. \
      Other files count anchors as written.
      """)

  @Argument(help: "Markdown files (a notebook, a blog post, a paper draft).") var files: [String]
  @Flag(help: "Exit 1 when anything is flagged.") var strict = false
  @OptionGroup var common: CommonOptions

  func execute(_ console: Console) throws -> ExitStatus {
    var flags: [FlagDocument] = []
    var errors: [ErrorDocument] = []
    var checked: [String: String] = [:]
    var status = ExitStatus.success
    for file in files {
      let url = URL(fileURLWithPath: file)
      do {
        let text = try MarkdownFile.read(url, path: file)
        let context = ProseAudit.recordedContext(forNotebookAt: file)
        if let context { checked[file] = context.source }
        flags += ProseAudit.flags(markdown: text, path: file, context: context)
      } catch let invalid as NotebookInvalid {
        errors += invalid.diagnostics.map { ErrorDocument($0) }
        for diagnostic in invalid.diagnostics { console.err(diagnostic.description) }
        status = .invalidNotebook
      }
    }
    if common.format == .json {
      console.out(try JSONOutput.encode(AuditDocument(files: files, flags: flags, errors: errors, checkedAgainst: checked)))
    } else {
      for flag in flags {
        console.out("\(flag.file):\(flag.line): \"\(flag.cue)\": \(flag.text)")
        for reason in flag.reasons ?? [] { console.out("    - \(reason)") }
      }
      for file in files where errors.allSatisfy({ $0.file != file }) {
        if let source = checked[file] {
          console.err("\(file): anchors checked against \(source)")
        } else {
          console.err("\(file): anchors counted as written, not checked (no recorded result)")
        }
      }
      console.err("\(flags.count) sentence(s) flagged in \(files.count) file(s)")
    }
    if strict && !flags.isEmpty { status = max(status, .unmet) }
    return status
  }
}
