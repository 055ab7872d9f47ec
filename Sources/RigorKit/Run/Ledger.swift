import Foundation

/// Every earlier recorded run of a notebook, read from its results ref, for the ledger check.
///
/// docs/JUDGING.md: the ledger compares a claim's verdict with its earlier recorded results (same
/// definition: unstable or fishing; another definition on the same seeds: a changed
/// prediction) and counts interrupted runs. Result commits carry what that needs in trailers,
/// so the check reads commit messages, not result trees:
/// `Rigor-Ledger: 2`, `Rigor-Params: {compact sorted JSON}`, the summary's `Rigor-Seeds` and
/// `Rigor-Metric` (which metrics were recorded), and per claim
/// `Rigor-Claim: ID DEFINITION-HASH CANONICAL-HASH VERDICT N FAILURE`. A registration carries
/// `Rigor-Registered: ID DEFINITION-HASH` per claim. Results and registrations recorded before
/// these trailers are read from their `result.json` / `registration.json`.
struct Ledger {
  /// One earlier result.
  struct Entry {
    var commit: String
    var notebookBlob: String?
    var parameters: [String: ParameterValue]
    var seeds: [Int]
    /// Metrics some finished seed recorded.
    var recordedMetrics: Set<String>
    var claims: [ClaimEntry]
    /// Reads the stored document when `rigor check` needs it.
    var run: RecordedRun?
  }

  /// One claim in an earlier result.
  struct ClaimEntry {
    var id: String
    /// Nil for results recorded before definition hashes.
    var definition: String?
    var canonical: String?
    var verdict: Verdict
    var n: Int?
    var failure: ClaimHistory.Run.Failure
  }

  /// Earlier results, newest first.
  var entries: [Entry]
  /// For each interrupted registration, the ids of the claims it registered.
  var interrupted: [[String]]
  /// Every seed any run of the notebook registered or recorded ("fresh" means not in here).
  var recordedSeeds: Set<Int> = []

  init(entries: [Entry], interrupted: [[String]] = []) {
    self.entries = entries
    self.interrupted = interrupted
  }

  /// Reads the notebook's history; `excluding` is this run's own registration, which has no
  /// result yet but is not interrupted.
  init(store: ResultStore?, name: String, excluding registration: String? = nil) throws {
    entries = []
    interrupted = []
    guard let store else { return }
    for run in try store.history(name: name) {
      switch run.kind {
      case .result:
        if let entry = Self.entry(of: run) {
          entries.append(entry)
          recordedSeeds.formUnion(entry.seeds)
        }
      case .registration:
        if run.isInterrupted && run.commit.description != registration {
          interrupted.append(Self.registeredIDs(of: run))
        }
        if run.commit.description != registration { recordedSeeds.formUnion(Self.registeredSeeds(of: run)) }
      default:
        continue
      }
    }
  }

  /// A stable key for a parameter set: the content key of its sorted canonical JSON.
  static func parametersKey(_ parameters: [String: ParameterValue]) -> String {
    let json = (try? JSONOutput.encode(parameters)) ?? ""
    return String(ContentKey([json]).hex.prefix(16))
  }

  /// Whether two parameter sets are the same setting (by key: JSON does not keep 1.0 apart
  /// from 1).
  static func sameParameters(_ a: [String: ParameterValue], _ b: [String: ParameterValue]) -> Bool {
    parametersKey(a) == parametersKey(b)
  }

  /// The trailers a result commit carries for the ledger.
  static func trailers(
    claims: [Claim], documents: [ClaimDocument], evidence: [SeedEvidence],
    parameters: [String: ParameterValue]
  ) -> [(String, String)] {
    var trailers: [(String, String)] = [TrailerKey.ledger.with("2"), TrailerKey.ledgerParameters.with(compactJSON(parameters))]
    for (claim, document) in zip(claims, documents) {
      let n = document.verdict == .notApplicable ? 0 : ClaimData(claim: claim, seeds: evidence).n
      let unfinished = evidence.filter { $0.status != .ok }
      let failure: ClaimHistory.Run.Failure =
        unfinished.isEmpty ? .none
        : unfinished.contains { seed in claim.namedMetrics.contains { seed.metrics[$0] != nil } } ? .afterMetric
        : .beforeMetric
      trailers.append(TrailerKey.claim.with(
        "\(claim.id) \(claim.definitionHash) \(claim.canonicalHash) \(document.verdict.rawValue) \(n) \(failure.rawValue)"
      ))
    }
    return trailers
  }

  /// The trailers a registration carries: each claim's id and definition, and the seeds.
  static func registrationTrailers(claims: [Claim], seeds: [Int]) -> [(String, String)] {
    claims.map { TrailerKey.registered.with("\($0.id) \($0.definitionHash)") }
      + [TrailerKey.seeds.with(seeds.map(String.init).joined(separator: " "))]
  }

  /// `claim`'s history: every earlier result that judged a claim with its id.
  func history(of claim: Claim, parameters: [String: ParameterValue]) -> ClaimHistory {
    var runs: [ClaimHistory.Run] = []
    var seeds = Set<Int>()
    let named = claim.namedMetrics
    for entry in entries {
      seeds.formUnion(entry.seeds)
      guard let recorded = entry.claims.first(where: { $0.id == claim.id }) else { continue }
      let sameDefinition: Bool? =
        recorded.definition.map { $0 == claim.definitionHash }
        ?? (recorded.canonical == claim.canonicalHash ? true : nil)
      runs.append(ClaimHistory.Run(
        commit: entry.commit, sameDefinition: sameDefinition, parameters: entry.parameters,
        verdict: recorded.verdict, n: recorded.n, seeds: entry.seeds,
        recordedClaimMetrics: named.contains { entry.recordedMetrics.contains($0) } || recorded.failure == .afterMetric,
        failure: recorded.failure))
    }
    let interruptedRuns = interrupted.filter { $0.contains(claim.id) }.count
    return ClaimHistory(runs: runs, interrupted: interruptedRuns, recordedSeeds: seeds)
  }

  /// The newest result of exactly this notebook text and parameters, for `rigor check`.
  func newestDocument(notebookBlob: String, parameters: [String: ParameterValue]) -> RunDocument? {
    let key = Self.parametersKey(parameters)
    for entry in entries where entry.notebookBlob == notebookBlob && Self.parametersKey(entry.parameters) == key {
      if let run = entry.run, let document = try? ResultHistory.document(of: run) { return document }
    }
    return nil
  }

  // MARK: - Reading commits

  private static func entry(of run: RecordedRun) -> Entry? {
    if run.trailer(.ledger) == "2", run.trailer(.summary) == "1" {
      return trailerEntry(of: run)
    }
    // Recorded before these trailers: read the stored document.
    guard let document = try? ResultHistory.document(of: run) else { return nil }
    let recorded = Set(document.metrics.filter { $0.value.contains { $0 != nil } }.keys)
    let claims = document.claims.compactMap { claim -> ClaimEntry? in
      let verdict = claim.verdict
      // Only supported and refuted verdicts show that N reached 5 then.
      let n: Int? = verdict == .supported || verdict == .refuted ? Judge.minimumSeeds : nil
      return ClaimEntry(
        id: claim.id, definition: nil, canonical: claim.claimHash, verdict: verdict, n: n, failure: .none)
    }
    return Entry(
      commit: run.commit.description, notebookBlob: run.trailer(.notebookBlob),
      parameters: document.parameters ?? [:], seeds: document.seeds, recordedMetrics: recorded,
      claims: claims, run: run)
  }

  private static func trailerEntry(of run: RecordedRun) -> Entry {
    var parameters: [String: ParameterValue] = [:]
    var seeds: [Int] = []
    var recorded = Set<String>()
    var claims: [ClaimEntry] = []
    for trailer in run.trailers {
      switch TrailerKey(matching: trailer.key) {
      case .claim?:
        let parts = ResultSummaryTrailers.words(trailer.value)
        guard parts.count == 6, let verdict = Verdict(rawValue: parts[3]) else { continue }
        claims.append(ClaimEntry(
          id: parts[0], definition: parts[1], canonical: parts[2], verdict: verdict, n: Int(parts[4]),
          failure: ClaimHistory.Run.Failure(rawValue: parts[5]) ?? .none))
      case .metric?:
        let parts = ResultSummaryTrailers.words(trailer.value)
        if parts.count == 5, (Int(parts[4]) ?? 0) > 0 { recorded.insert(parts[0]) }
      case .seeds?:
        seeds = ResultSummaryTrailers.words(trailer.value).compactMap { Int($0) }
      case .ledgerParameters?:
        parameters = (try? JSONOutput.decode([String: ParameterValue].self, from: Data(trailer.value.utf8))) ?? [:]
      default:
        continue
      }
    }
    return Entry(
      commit: run.commit.description, notebookBlob: run.trailer(.notebookBlob), parameters: parameters,
      seeds: seeds, recordedMetrics: recorded, claims: claims, run: run)
  }

  private static func registeredIDs(of run: RecordedRun) -> [String] {
    let ids = run.trailers.filter { TrailerKey(matching: $0.key) == .registered }.compactMap {
      ResultSummaryTrailers.words($0.value).first
    }
    if !ids.isEmpty { return ids }
    guard let data = try? run.readFile("registration.json"),
      let registration = try? JSONOutput.decode(RegistrationDocument.self, from: data)
    else { return [] }
    return registration.claims.map(\.id)
  }

  private static func registeredSeeds(of run: RecordedRun) -> [Int] {
    if let seeds = run.trailer(.seeds) {
      return ResultSummaryTrailers.words(seeds).compactMap { Int($0) }
    }
    guard let data = try? run.readFile("registration.json"),
      let registration = try? JSONOutput.decode(RegistrationDocument.self, from: data)
    else { return [] }
    return registration.seeds
  }

  static func compactJSON(_ parameters: [String: ParameterValue]) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return (try? encoder.encode(parameters)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
  }
}
