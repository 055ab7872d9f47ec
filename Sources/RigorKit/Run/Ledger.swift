import Foundation

/// Every earlier recorded run of a notebook, read from its results ref, for the ledger check.
///
/// TIERS.md: among earlier recorded runs with the same claim (hash of its canonical fields) and
/// the same parameters, any differing verdict marks the claim unstable. Interrupted runs (a
/// registration with no result) give no verdict. Each result commit carries a trailer per claim
/// (`Rigor-Claim: HASH PARAMS-KEY VERDICT`), so the check reads commit messages, not result
/// trees; results recorded without those trailers are read from their `result.json`.
struct Ledger {
  struct Entry {
    var run: RecordedRun
    var notebookBlob: String?
    /// Verdicts by claim hash, with the parameters key they were judged under; nil when the
    /// commit predates the trailers.
    var claims: [(hash: String, parameters: String, verdict: String)]?
  }

  /// Earlier results, newest first.
  var entries: [Entry]

  static let claimTrailer = "Rigor-Claim"

  init(entries: [Entry]) { self.entries = entries }

  init(store: ResultStore?, name: String) throws {
    guard let store else {
      entries = []
      return
    }
    entries = try store.history(name: name).filter { $0.kind == .result }.map { run in
      let claims = run.trailers.filter { $0.key == Self.claimTrailer }.compactMap { trailer -> (String, String, String)? in
        let parts = trailer.value.split(separator: " ").map(String.init)
        return parts.count == 3 ? (parts[0], parts[1], parts[2]) : nil
      }
      let stamped = run.trailer("Rigor-Ledger") == "1"
      return Entry(run: run, notebookBlob: run.trailer("Notebook-Blob"), claims: stamped ? claims : nil)
    }
  }

  /// A stable key for a parameter set: the content key of its sorted canonical JSON.
  static func parametersKey(_ parameters: [String: ParameterValue]) -> String {
    let json = (try? JSONOutput.encode(parameters)) ?? ""
    return String(ContentKey([json]).hex.prefix(16))
  }

  /// The trailers a result commit carries for the ledger.
  static func trailers(claims: [ClaimDocument], parameters: [String: ParameterValue]) -> [(String, String)] {
    let key = parametersKey(parameters)
    return [("Rigor-Ledger", "1")] + claims.compactMap { claim in
      claim.claimHash.map { (claimTrailer, "\($0) \(key) \(claim.verdict)") }
    }
  }

  /// Verdicts earlier runs gave the claim with `claimHash` under exactly `parameters`.
  func verdicts(claimHash: String, parameters: [String: ParameterValue], excluding commit: String? = nil) -> [String] {
    let key = Self.parametersKey(parameters)
    return entries.compactMap { entry in
      if entry.run.commit.description == commit { return nil }
      if let claims = entry.claims {
        return claims.first { $0.hash == claimHash && $0.parameters == key }?.verdict
      }
      // Compared by key: JSON does not keep 1.0 apart from 1.
      guard let document = try? ResultHistory.document(of: entry.run),
        Self.parametersKey(document.parameters ?? [:]) == key
      else { return nil }
      return document.claims.first { $0.claimHash == claimHash }?.verdict
    }
  }

  /// The newest result of exactly this notebook text and parameters, for `rigor check`.
  func newestDocument(notebookBlob: String, parameters: [String: ParameterValue]) -> RunDocument? {
    let key = Self.parametersKey(parameters)
    for entry in entries where entry.notebookBlob == notebookBlob {
      guard let document = try? ResultHistory.document(of: entry.run),
        Self.parametersKey(document.parameters ?? [:]) == key
      else { continue }
      return document
    }
    return nil
  }
}
