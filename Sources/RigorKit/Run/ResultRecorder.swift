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
      trailers: try trailers(for: notebook) + Ledger.registrationTrailers(claims: claims, seeds: seeds))
  }

  /// What recording a result produced: its commit, and why the working folder could not be
  /// refreshed when it could not (the commit stands either way).
  struct Recorded {
    var commit: String
    var workingFolderProblem: String?
  }

  func record(
    _ document: RunDocument, registration: Registration, notebook: Notebook, name: String,
    outcomes: [SeedOutcome], collected: SeedFileCollector.Collected, ledgerTrailers: [(String, String)]
  ) throws -> Recorded {
    let source = try store.sourceState()
    let provenance = ReportProvenance(
      registrationCommit: registration.commit.description, sourceCommit: source.commit?.description ?? "none",
      sourceDirty: source.isDirty)
    let files = try Self.files(document, notebook: notebook, outcomes: outcomes, collected: collected, provenance: provenance)
    let commit = try store.record(
      registration, files: files, message: message(document, name: name),
      trailers: try trailers(for: notebook) + ledgerTrailers + ResultSummaryTrailers.trailers(for: document))
    var problem: String?
    do {
      let folder = try ResultsFolder.locate(root: workspace.root, name: name)
      try store.refreshWorkingFolder(name: name, from: commit, into: folder)
      // The working copy names the result commit the stored page cannot (docs/CLI-JSON.md).
      if let page = files["report.html"] {
        try HTMLReport.fillingResultCommit(page, commit: commit.description)
          .write(to: folder.appendingPathComponent("report.html"), options: .atomic)
      }
    } catch {
      problem = "\(error)"
    }
    // Keep history reads fast: pack this notebook's commits every ~128 runs (a few files, cheap).
    // Pack everything only when loose objects have really piled up (hundreds of runs), since
    // deleting many files slows the next writes for a while. The result is already committed.
    _ = try? store.packCommitsOccasionally(after: commit, name: name)
    _ = try? store.packIfNeeded(looseObjectThreshold: 20_000)
    return Recorded(commit: commit.description, workingFolderProblem: problem)
  }

  /// The files of a result folder as this run built them: `result.json`, per seed
  /// `seeds/SEED/steps/STEP.txt`, the collected `figures/` and `artifacts/`, and `report.html`.
  static func files(
    _ document: RunDocument, notebook: Notebook, outcomes: [SeedOutcome], collected: SeedFileCollector.Collected,
    provenance: ReportProvenance = ReportProvenance()
  ) throws -> [String: Data] {
    var files: [String: Data] = ["result.json": try JSONOutput.data(document)]
    for outcome in outcomes {
      let base = "seeds/\(outcome.seed)"
      for step in outcome.steps where step.status != .skipped {
        var text = step.output
        if step.droppedOutputBytes > 0 {
          text += "\n[rigor: \(step.droppedOutputBytes) bytes of output dropped]\n"
        }
        files["\(base)/steps/\(step.index).txt"] = Data(text.utf8)
      }
    }
    files.merge(collected.files) { _, file in file }
    if !collected.steps.isEmpty { files[HTMLReport.figureStepsFile] = try JSONOutput.data(collected.steps) }
    files["report.html"] = Data(
      HTMLReport(document: document, notebook: notebook, files: files, figureSteps: collected.steps, provenance: provenance)
        .render().utf8)
    return files
  }

  /// Records a run whose result could not be stored as a failed run holding only its
  /// `result.json` (with the reason among its errors), so no run escapes the ledger.
  func recordFailure(
    _ document: RunDocument, registration: Registration, notebook: Notebook, name: String,
    ledgerTrailers: [(String, String)]
  ) throws -> String {
    let files = ["result.json": try JSONOutput.data(document)]
    let commit = try store.record(
      registration, files: files, message: message(document, name: name),
      trailers: try trailers(for: notebook) + ledgerTrailers + ResultSummaryTrailers.trailers(for: document))
    return commit.description
  }

  private func message(_ document: RunDocument, name: String) -> String {
    let verdicts = document.claims.map { "\($0.id): \($0.tier.map { "tier \($0)" } ?? "refuted") \($0.verdict)" }
    return "rigor: \(name) \(document.status.rawValue), seeds \(SeedList.describe(document.seeds))\n\n"
      + (verdicts.isEmpty ? "No claims." : verdicts.joined(separator: "\n"))
  }

  private func trailers(for notebook: Notebook) throws -> [(String, String)] {
    let source = try store.sourceState()
    return [
      TrailerKey.notebookBlob.with(try GitRepository.blobID(for: Data(notebook.text.utf8)).description),
      TrailerKey.sourceCommit.with(source.commit?.description ?? "none"),
      TrailerKey.sourceDirty.with(source.isDirty ? "true" : "false"),
    ]
  }
}
