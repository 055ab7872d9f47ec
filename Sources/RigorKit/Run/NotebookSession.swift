import Foundation

/// Takes one notebook through `rigor run` or `rigor check`.
///
/// run: validate → compile once → register the claims (pre-registration) → run every seed →
/// judge → commit the result → refresh `Results/NAME/`. check: validate → compile → judge from
/// the newest recorded result of this exact notebook text. Every failure becomes part of the
/// document with its exit status; only the store failing mid-way throws.
struct NotebookSession {
  enum Mode { case run, check }

  var console: Console
  var options: RunOptions
  var mode: Mode

  func run(_ url: URL) throws -> (RunDocument, ExitStatus) {
    let workspace = try Workspace.locate(
      notebook: url.standardizedFileURL, needsStore: mode == .run && options.commit,
      initialize: options.initializeRepository)
    let path = workspace.relativePath(url)
    let name = Notebook.name(forRepositoryPath: path)
    let reference = try ResultStore.referenceName(for: name)
    var document = RunDocument(notebook: path, status: .ok, resultsRef: reference, seeds: [])
    let clashing = ReferenceClash.others(of: path, name: name, root: workspace.root)
    if !clashing.isEmpty {
      document.status = .invalid
      document.errors = [ErrorDocument(ReferenceClash.diagnostic(path: path, others: clashing, reference: reference))]
      printErrors(document)
      return (document, .invalidNotebook)
    }

    // 1. Validate.
    let validation = NotebookValidation.validate(url: url, path: path, overrides: options.overrides)
    for warning in validation.diagnostics where warning.severity != .error {
      console.err(warning.description)
    }
    guard let valid = validation.notebook else {
      document.status = .invalid
      document.errors = validation.diagnostics.filter { $0.severity == .error }.map { ErrorDocument($0) }
      printErrors(document)
      return (document, .invalidNotebook)
    }
    let notebook = valid.notebook
    document.seeds = options.seeds ?? notebook.frontMatter.seeds ?? Notebook.defaultSeeds
    document.parameters = valid.parameters
    document.steps = notebook.steps.map { StepDocument(index: $0.index, line: $0.line, status: nil, code: $0.code) }
    // Anchors as written until a result is there to check them against.
    document.flags = ProseAudit.flags(for: notebook)

    // 2. Compile (also for check, which then finds the binary cached).
    var binary: URL?
    var toolchain: InterpToolchain?
    if !notebook.steps.isEmpty {
      let located = try InterpToolchain.locate(log: { console.err($0) })
      toolchain = located
      let compiler = StepCompiler(toolchain: located, cache: BuildCache.standard())
      let outcome = try compiler.compile(notebook, workingDirectory: workspace.root)
      // The compiler's warnings are the user's to see whether or not the build succeeded.
      for warning in outcome.diagnostics where warning.severity == .warning {
        console.err(warning.description)
      }
      guard let compiled = outcome.binary else {
        document.status = .compileError
        document.errors = outcome.diagnostics.filter { $0.severity == .error }
          .map { ErrorDocument($0, step: step(of: $0, in: notebook)) }
        printErrors(document)
        return (document, .compileError)
      }
      binary = compiled
    }

    if mode == .check {
      document.claims = try judgeFromRecord(valid, name: name, store: workspace.store, document: &document)
      // Anchors are checked against the recorded result the claims were judged from, if any.
      document.flags = ProseAudit.flags(
        for: notebook,
        context: document.resultCommit.map { ProseAuditContext(document: document, source: "result \($0.prefix(12))") })
      return (document, minimumTierStatus(document))
    }

    // `data:` paths: checked and hashed before anything runs.
    let data = DataProvenance.hash(notebook, root: workspace.root)
    guard data.errors.isEmpty else {
      document.status = .invalid
      document.errors = data.errors.map { ErrorDocument($0) }
      printErrors(document)
      return (document, .invalidNotebook)
    }
    document.data = data.files.isEmpty ? nil : data.files

    // 3. Sandbox, registration, seeds.
    if options.sandbox, !notebook.steps.isEmpty {
      let sandbox = SandboxCheck.probe()
      if !sandbox.isUsable {
        throw CommandFailure(
          .noSandbox,
          "no working sandbox: \(sandbox.problem ?? "bubblewrap is unusable")\nFix: \(sandbox.fix ?? "install bubblewrap (apt-get install bubblewrap)")\nOr pass --no-sandbox to run the notebook's code unconfined.")
      }
    }
    let started = Date()
    let registration: Registration?
    if options.commit, let store = workspace.store {
      registration = try ResultRecorder(store: store, workspace: workspace)
        .register(notebook: notebook, name: name, claims: valid.claims, parameters: valid.parameters, seeds: document.seeds)
    } else {
      registration = nil
    }
    // Folders left by runs killed before they could clean up (their PIDs are gone).
    AbandonedScratch.removeAbandoned(prefix: "rigor-run")
    let scratch = try TemporaryFolder(prefix: "rigor-run")
    var outcomes: [SeedOutcome]
    if let binary, let toolchain {
      outcomes = try SeedBatch(console: console, options: options)
        .run(binary: binary, toolchain: toolchain, notebook: notebook, seeds: document.seeds,
             parameters: valid.parameters, folder: scratch.url,
             repositoryRoot: workspace.root)
    } else {
      outcomes = []
    }
    let collected = SeedFileCollector.collect(
      &outcomes, seedsFolder: scratch.url.appendingPathComponent("seeds"), sourcePath: notebook.path)
    let checkpoints = CheckpointVerifier.verifyAll(outcomes, store: options.models)
    ResultAssembler.fill(&document, notebook: notebook, outcomes: outcomes, checkpoints: checkpoints)
    document.sandbox = options.sandbox
    document.origin = options.origin
    let ledger = try Ledger(store: workspace.store, name: name, excluding: registration?.commit.description)
    let evidence = ClaimJudging.evidence(
      seeds: document.seeds, outcomes: outcomes, hasSteps: !notebook.steps.isEmpty, checkpoints: checkpoints)
    document.claims = ClaimJudging.judge(
      valid.claims, seeds: evidence,
      recorded: registration != nil,
      registration: registration.map { RunEvidence.Registration(commit: $0.commit.description, ref: reference) },
      parameters: valid.parameters,
      history: { ledger.history(of: $0, parameters: valid.parameters) })
    document.flags = ProseAudit.flags(for: notebook, context: ProseAuditContext(document: document, source: "this run"))
    document.environment = EnvironmentCapture.capture(
      toolchain: toolchain, blasThreads: SeedBatch.blasThreads(jobs: options.jobs, seeds: document.seeds.count),
      jobs: SeedBatch.jobs(options.jobs), wallSeconds: Date().timeIntervalSince(started), startedAt: started)
    document.environment?.checkpoints = CheckpointVerifier.environment(checkpoints)

    // 4. Record and refresh the working folder.
    var storeFailed = false
    if let registration, let store = workspace.store {
      let recorder = ResultRecorder(store: store, workspace: workspace)
      let ledgerTrailers = Ledger.trailers(
        claims: valid.claims, documents: document.claims, evidence: evidence, parameters: valid.parameters)
      do {
        let recorded = try recorder.record(
          document, registration: registration, notebook: notebook, name: name, outcomes: outcomes,
          collected: collected, ledgerTrailers: ledgerTrailers)
        document.resultCommit = recorded.commit
        if let problem = recorded.workingFolderProblem {
          storeFailed = true
          console.err("\(console.colored("error", 31)): \(problem)")
        }
      } catch {
        // After the registration every run must reach the ledger: record it as failed, with
        // the reason, so a run that broke its own storage cannot pass for interrupted.
        storeFailed = true
        document.status = .failed
        document.errors.append(
          ErrorDocument(Diagnostic(
            "the result could not be stored: \(error)", at: SourceLocation(file: notebook.path, line: 1))))
        document.resultCommit = try? recorder.recordFailure(
          document, registration: registration, notebook: notebook, name: name, ledgerTrailers: ledgerTrailers)
      }
    } else if !outcomes.isEmpty {
      document.outputFolder = try keepUnrecorded(document, notebook: notebook, name: name, outcomes: outcomes, collected: collected)
    }
    printErrors(document)
    var status = minimumTierStatus(document)
    if document.status == .failed || document.status == .timedOut { status = max(status, .stepFailed) }
    if storeFailed { status = max(status, .storeFailed) }
    return (document, status)
  }

  /// `rigor check`: claims judged from the newest recorded result of this exact notebook text
  /// (same `Notebook-Blob:`) and parameters; unchecked when there is none.
  private func judgeFromRecord(
    _ valid: NotebookValidation.Valid, name: String, store: ResultStore?, document: inout RunDocument
  ) throws -> [ClaimDocument] {
    let blob = try GitRepository.blobID(for: Data(valid.notebook.text.utf8)).description
    let ledger = try Ledger(store: store, name: name)
    guard let recorded = ledger.newestDocument(notebookBlob: blob, parameters: valid.parameters) else {
      return valid.claims.map { claim in
        ClaimDocument(
          id: claim.id, tier: 1, verdict: .unchecked,
          reasons: ["no recorded result of this exact notebook text and parameters; run it to judge the claim"],
          says: claim.says, claimHash: claim.canonicalHash)
      }
    }
    document.resultCommit = recorded.resultCommit
    document.seeds = recorded.seeds
    document.metrics = recorded.metrics
    return ClaimJudging.judge(
      valid.claims, seeds: ClaimJudging.evidence(from: recorded), recorded: true, registration: nil,
      parameters: valid.parameters,
      history: { claim in
        var history = ledger.history(of: claim, parameters: valid.parameters)
        history.runs.removeAll { $0.commit == recorded.resultCommit }
        return history
      })
  }

  /// With `--no-commit` nothing is recorded, so the seeds' output and files would vanish with
  /// the scratch folder: they are written, laid out as `Results/NAME/` would be, to a folder of
  /// their own under the temporary directory, which the summary names.
  private func keepUnrecorded(
    _ document: RunDocument, notebook: Notebook, name: String, outcomes: [SeedOutcome],
    collected: SeedFileCollector.Collected
  ) throws -> String {
    let stamp = Int(Date().timeIntervalSince1970)
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "rigor-\(name.replacingOccurrences(of: "/", with: "-"))-\(stamp)-\(UUID().uuidString.prefix(6))")
    var kept = document
    kept.outputFolder = folder.path
    let files = try ResultRecorder.files(kept, notebook: notebook, outcomes: outcomes, collected: collected)
    for (path, data) in files {
      let url = folder.appendingPathComponent(path)
      try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try data.write(to: url)
    }
    return folder.path
  }

  private func step(of diagnostic: Diagnostic, in notebook: Notebook) -> Int? {
    notebook.steps.last(where: { $0.line <= diagnostic.location.line })?.index
  }

  /// Diagnostics go to stderr in every format as `FILE:LINE:COLUMN: error:` lines that editors
  /// jump to; the summary on stdout counts them.
  private func printErrors(_ document: RunDocument) {
    for line in ErrorLines.group(document.errors) {
      let error = line.error
      let seeds = ErrorLines.seedNote(line.seeds, of: document.seeds.count)
      console.err("\(error.file):\(error.line):\(error.column): \(console.colored("error", 31)): \(error.message)\(seeds)")
    }
  }

  private func minimumTierStatus(_ document: RunDocument) -> ExitStatus {
    guard let minimum = options.minimumTier else { return .success }
    let below = document.claims.filter { ($0.tier ?? 0) < minimum }
    for claim in below {
      console.err("claim \(claim.id) is at \(claim.tier.map { "tier \($0)" } ?? "no tier"), below --min-tier \(minimum)")
    }
    return below.isEmpty ? .success : .unmet
  }
}
