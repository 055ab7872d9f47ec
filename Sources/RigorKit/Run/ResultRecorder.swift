import Foundation

/// Writes a run into the result store: the registration before the seeds, the result after.
///
/// The result commit's tree is the `Results/NAME/` folder as this run built it in memory:
/// `result.json`, per seed `seeds/SEED/steps/STEP.txt`, `figures/`, `artifacts/`, and
/// `report.html`. The working folder is refreshed from it afterwards.
struct ResultRecorder {
  var store: ResultStore
  var workspace: Workspace

  func register(
    notebook: Notebook, name: String, claims: [Claim], parameters: [String: ParameterValue],
    seeds: [Int]
  ) throws -> Registration {
    let registration = RegistrationDocument(
      notebook: notebook.path, claims: claims, parameters: parameters, seeds: seeds)
    let files: [String: Data] = [
      "registration.json": try JSONOutput.data(registration),
      "notebook.md": Data(notebook.text.utf8),
    ]
    let ids = claims.map(\.id).joined(separator: ", ")
    return try store.register(
      notebook: name, notebookPath: notebook.path, files: files,
      message: "rigor: register \(claims.count) claim(s) of \(name)\n\nClaims: \(ids.isEmpty ? "none" : ids)",
      trailers: try trailers(for: notebook))
  }

  func record(
    _ document: RunDocument, registration: Registration, notebook: Notebook, name: String,
    outcomes: [SeedOutcome], seedFolder: URL
  ) throws -> String {
    var files: [String: Data] = ["result.json": try JSONOutput.data(document)]
    var figureSteps: [String: Int] = [:]
    for outcome in outcomes {
      let base = "seeds/\(outcome.seed)"
      for step in outcome.steps where step.status != .skipped {
        var text = step.output
        if step.droppedOutputBytes > 0 {
          text += "\n[rigor: \(step.droppedOutputBytes) bytes of output dropped]\n"
        }
        files["\(base)/steps/\(step.index).txt"] = Data(text.utf8)
      }
      for file in outcome.files {
        // Runtime paths are relative to the seed's output folder (figures/NAME.svg).
        let source = file.path.hasPrefix("/")
          ? URL(fileURLWithPath: file.path)
          : seedFolder.appendingPathComponent("seeds/\(outcome.seed)").appendingPathComponent(file.path)
        let folder = file.kind == .figure ? "figures" : "artifacts"
        let path = "\(base)/\(folder)/\(source.lastPathComponent)"
        if let data = try? Data(contentsOf: source) {
          files[path] = data
          figureSteps[path] = file.step
        }
      }
    }
    if !figureSteps.isEmpty { files[HTMLReport.figureStepsFile] = try JSONOutput.data(figureSteps) }
    let source = try store.sourceState()
    let provenance = ReportProvenance(
      registrationCommit: registration.commit.description, sourceCommit: source.commit?.description ?? "none",
      sourceDirty: source.isDirty)
    files["report.html"] = Data(
      HTMLReport(document: document, notebook: notebook, files: files, figureSteps: figureSteps, provenance: provenance)
        .render().utf8)
    let verdicts = document.claims.map { "\($0.id): \($0.tier.map { "tier \($0)" } ?? "refuted") \($0.verdict)" }
    let message = "rigor: \(name) \(document.status.rawValue), seeds \(SeedList.describe(document.seeds))\n\n"
      + (verdicts.isEmpty ? "No claims." : verdicts.joined(separator: "\n"))
    let ledger = Ledger.trailers(claims: document.claims, parameters: document.parameters ?? [:])
    let commit = try store.record(
      registration, files: files, message: message, trailers: try trailers(for: notebook) + ledger + ResultSummaryTrailers.trailers(for: document))
    let folder = workspace.root.appendingPathComponent("Results").appendingPathComponent(name)
    try store.refreshWorkingFolder(name: name, from: commit, into: folder)
    // The working copy names the result commit the stored page cannot (CLI.md).
    if let page = files["report.html"] {
      try? HTMLReport.fillingResultCommit(page, commit: commit.description)
        .write(to: folder.appendingPathComponent("report.html"), options: .atomic)
    }
    // Keep history reads fast: pack this notebook's commits every ~128 runs (a few files, cheap).
    // Pack everything only when loose objects have really piled up (hundreds of runs), since
    // deleting many files slows the next writes for a while. The result is already committed.
    _ = try? store.packCommitsOccasionally(after: commit, name: name)
    _ = try? store.packIfNeeded(looseObjectThreshold: 20_000)
    return commit.description
  }

  private func trailers(for notebook: Notebook) throws -> [(String, String)] {
    let source = try store.sourceState()
    return [
      ("Notebook-Blob", try GitRepository.blobID(for: Data(notebook.text.utf8)).description),
      ("Source-Commit", source.commit?.description ?? "none"),
      ("Source-Dirty", source.isDirty ? "true" : "false"),
    ]
  }
}

/// What the registration commit holds: the claims as parsed, before any seed ran.
struct RegistrationDocument: Codable {
  var notebook: String
  var claims: [Claim]
  var parameters: [String: ParameterValue]
  var seeds: [Int]
}
