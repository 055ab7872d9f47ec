import Foundation

/// Turns what seeds reported about their checkpoints into verified provenance: the entry must
/// be in the manifest, the seed's file list must be the manifest's, and every file in the
/// store must have its manifest hash now (through the hash cache, so an unchanged 98 MB file
/// costs a `stat`). The seed's word decides nothing.
public struct CheckpointVerifier {
  public var store: ModelStore
  private let cache: FileHashCache

  public init(store: ModelStore) {
    self.store = store
    cache = FileHashCache(store: store.root)
  }

  /// One document per distinct name the seed reported, in the order first reported.
  public func verify(_ reported: [ReportedCheckpoint]) -> [CheckpointDocument] {
    var seen = Set<String>()
    return reported.filter { seen.insert($0.name).inserted }.map(verify)
  }

  /// Writes the hash cache (call once after verifying every seed).
  public func finish() { cache.save() }

  /// Each seed's verified checkpoints, by seed (seeds that loaded none are left out).
  static func verifyAll(_ outcomes: [SeedOutcome], store: ModelStore) -> [Int: [CheckpointDocument]] {
    guard outcomes.contains(where: { !$0.checkpoints.isEmpty }) else { return [:] }
    let verifier = CheckpointVerifier(store: store)
    defer { verifier.finish() }
    var verified: [Int: [CheckpointDocument]] = [:]
    for outcome in outcomes where !outcome.checkpoints.isEmpty {
      verified[outcome.seed] = verifier.verify(outcome.checkpoints)
    }
    return verified
  }

  /// The run environment's `checkpoints`: name to primary SHA-256 of every verified one; nil
  /// when no seed loaded one.
  static func environment(_ checkpoints: [Int: [CheckpointDocument]]) -> [String: String]? {
    var hashes: [String: String] = [:]
    for document in checkpoints.values.joined() where document.verified { hashes[document.name] = document.sha256 }
    return hashes.isEmpty ? nil : hashes
  }

  private func verify(_ report: ReportedCheckpoint) -> CheckpointDocument {
    guard let entry = store.manifest.entry(named: report.name) else {
      return CheckpointDocument(
        name: report.name, kind: report.kind, source: report.source, sha256: report.files.first?.sha256 ?? "",
        files: report.files.map { .init(path: $0.path, sha256: $0.sha256) }, verified: false,
        problem: "'\(report.name)' is not in Rigor's model manifest")
    }
    let files = entry.files.map { CheckpointDocument.File(path: $0.path, sha256: $0.sha256) }
    var document = CheckpointDocument(
      name: entry.name, kind: entry.kind.rawValue, source: entry.source, sha256: entry.sha256, files: files,
      verified: false)
    let said = report.files.map { CheckpointDocument.File(path: $0.path, sha256: $0.sha256) }
    if Set(said) != Set(files) || report.kind != entry.kind.rawValue {
      document.problem = "the seed reported files or a kind that differ from the manifest's entry"
    } else if let problem = store.problem(with: entry, cache: cache) {
      document.problem = "\(problem)"
    } else {
      document.verified = true
    }
    return document
  }
}
