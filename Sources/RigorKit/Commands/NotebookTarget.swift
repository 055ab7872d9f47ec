import Foundation

/// How `show` and `diff` read their arguments: a notebook file, or revisions.
///
/// A path ending in `.md`, or naming an existing file, is a notebook; anything else is a
/// revision (a result commit, a source commit, a branch). Bare `rigor show` picks the one
/// notebook there is: the only Markdown file in the current folder, else the only notebook
/// with results in the repository.
enum NotebookTarget {
  static func isNotebook(_ text: String) -> Bool {
    var isFolder: ObjCBool = false
    return text.hasSuffix(".md")
      || (FileManager.default.fileExists(atPath: text, isDirectory: &isFolder) && !isFolder.boolValue)
  }

  /// The history of a notebook given as a file, or as a NAME in the repository `--repo` names.
  static func history(for argument: String, repository: RepositoryOption) throws -> ResultHistory {
    if isNotebook(argument) { return try ResultHistory.open(notebook: argument) }
    let (workspace, store) = try ResultHistory.openHere(repository)
    return ResultHistory(workspace: workspace, store: store, name: Notebook.name(forRepositoryPath: argument))
  }

  /// The notebook bare `rigor show` means, or a usage error listing the choices.
  static func sole(in folder: URL, store: ResultStore) throws -> String {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    let markdown = names.filter { $0.hasSuffix(".md") && $0.lowercased() != "readme.md" }.sorted()
    if markdown.count == 1 { return folder.appendingPathComponent(markdown[0]).path }
    let recorded = try store.notebooks().map(\.name).sorted()
    if markdown.isEmpty, recorded.count == 1 { return recorded[0] }
    let choices = markdown.isEmpty ? recorded.map { "Notebooks/\($0).md" } : markdown
    throw CommandFailure(
      .usage,
      "name a notebook: rigor show NOTEBOOK.md"
        + (choices.isEmpty ? " (no notebook here, and no recorded results)" : " (here: \(choices.prefix(8).joined(separator: ", "))\(choices.count > 8 ? ", ..." : ""))"))
  }
}
