import Foundation

/// Glue from the prose auditor's flags to the document's `flags` (docs/CLI-JSON.md shape), and the
/// recorded result the anchors are checked against.
enum ProseAudit {
  static func flags(markdown: String, path: String, context: ProseAuditContext? = nil) -> [FlagDocument] {
    ProseAuditor().audit(markdown: markdown, file: path, context: context).map {
      FlagDocument(
        file: $0.file, line: $0.line, cue: $0.cue, text: $0.text,
        reasons: $0.reasons.isEmpty ? nil : $0.reasons)
    }
  }

  static func flags(for notebook: Notebook, context: ProseAuditContext? = nil) -> [FlagDocument] {
    flags(markdown: notebook.text, path: notebook.path, context: context)
  }

  /// The newest recorded result of the notebook at `path`, as an audit context; nil when the
  /// file is not in a repository or has no recorded result (anchors are then taken as written).
  static func recordedContext(forNotebookAt path: String) -> ProseAuditContext? {
    guard let history = try? ResultHistory.open(notebook: path),
      let newest = try? history.store.history(name: history.name).first(where: { $0.kind == .result }),
      let document = try? ResultHistory.document(of: newest)
    else { return nil }
    return ProseAuditContext(document: document, source: "result \(newest.commit.description.prefix(12))")
  }
}
