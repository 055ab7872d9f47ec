/// Glue from the prose auditor's flags to the document's `flags` (CLI.md shape).
enum ProseAudit {
  static func flags(markdown: String, path: String) -> [FlagDocument] {
    ProseAuditor().audit(markdown: markdown, file: path).map {
      FlagDocument(file: $0.file, line: $0.line, cue: $0.cue, text: $0.text)
    }
  }

  static func flags(for notebook: Notebook) -> [FlagDocument] {
    flags(markdown: notebook.text, path: notebook.path)
  }
}
