import Foundation

extension HTMLReport {
  /// The result tree's map from figure path to the step that wrote it (placement only).
  static let figureStepsFile = "figure_steps.json"

  /// The page of a recorded result, rendered afresh from its data (`result.json`, the
  /// registration's `notebook.md`, captured output and figures) with the result commit named.
  ///
  /// The stored `report.html` is never passed on: a pulled repository is untrusted data, and
  /// its page could hold anything; rendering from the data applies today's escaping.
  static func rendering(_ run: RecordedRun, store: ResultStore, document: RunDocument? = nil) throws -> String? {
    try loading(run, store: store, document: document)?.render()
  }

  /// The report of a recorded result with everything it shows read from the store, ready to
  /// render without touching the store again (so pages can be rendered on several threads).
  static func loading(_ run: RecordedRun, store: ResultStore, document: RunDocument? = nil) throws -> HTMLReport? {
    guard run.kind == .result, var document = try document ?? ResultHistory.document(of: run) else { return nil }
    document.resultCommit = run.commit.description
    let files = try run.files()
    var text = "# \(document.notebook)\n"
    if let registration = run.registration, let stored = try store.readFile("notebook.md", in: registration) {
      text = String(decoding: stored, as: UTF8.self)
    }
    let notebook = NotebookParser().parse(text: text, path: document.notebook).notebook
    let figureSteps = figureSteps(in: files)
    let provenance = ReportProvenance(
      registrationCommit: run.registration?.description, resultCommit: run.commit.description,
      sourceCommit: run.trailer(.sourceCommit), sourceDirty: run.trailer(.sourceDirty).map { $0 == "true" })
    return HTMLReport(document: document, notebook: notebook, files: files, figureSteps: figureSteps, provenance: provenance)
  }

  /// The page of a result shipped as `Results/NAME/` in a clone without its refs, rendered
  /// afresh from the shipped data with the notebook's text as it is in the work tree.
  ///
  /// The shipped `report.html` is never passed on: a cloned repository is untrusted data.
  static func rendering(shipped: ShippedResult, notebookText: String) -> String {
    let files = shipped.reportFiles()
    let notebook = NotebookParser().parse(text: notebookText, path: shipped.document.notebook).notebook
    let figureSteps = figureSteps(in: files)
    let provenance = ReportProvenance(resultCommit: shipped.document.resultCommit)
    return HTMLReport(document: shipped.document, notebook: notebook, files: files, figureSteps: figureSteps, provenance: provenance)
      .render()
  }

  /// The figure-to-step map a result's files carry (empty when absent or unreadable).
  static func figureSteps(in files: [String: Data]) -> [String: Int] {
    files[figureStepsFile].flatMap { try? JSONDecoder().decode([String: Int].self, from: $0) } ?? [:]
  }
}
