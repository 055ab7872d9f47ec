import Foundation

/// Every earlier recorded run of a notebook, read from its results ref, for the ledger check.
///
/// TIERS.md: among earlier recorded runs with the same claim (hash of its canonical fields) and
/// the same parameters, any differing verdict marks the claim unstable. Interrupted runs (a
/// registration with no result) give no verdict.
struct Ledger {
  /// Earlier results' documents, newest first.
  var documents: [RunDocument]

  init(store: ResultStore?, name: String) throws {
    guard let store else {
      documents = []
      return
    }
    documents = try store.history(name: name).compactMap { run in
      guard run.kind == .result, let data = try run.readFile("result.json") else { return nil }
      return try? JSONOutput.decode(RunDocument.self, from: data)
    }
  }

  /// Verdicts earlier runs gave the claim with `claimHash` under exactly `parameters`.
  func verdicts(claimHash: String, parameters: [String: ParameterValue]) -> [String] {
    documents.compactMap { document in
      guard (document.parameters ?? [:]) == parameters else { return nil }
      return document.claims.first { $0.claimHash == claimHash }?.verdict
    }
  }
}
