import Foundation

/// Every earlier recorded run of a notebook, read from its results ref, for the ledger check.
///
/// TIERS.md: among earlier recorded runs with the same claim (hash of its canonical fields) and
/// the same parameters, any differing verdict marks the claim unstable. Interrupted runs (a
/// registration with no result) give no verdict.
struct Ledger {
  /// Earlier results' documents, newest first.
  var documents: [RunDocument]

  init(documents: [RunDocument]) { self.documents = documents }

  init(store: ResultStore?, name: String) throws {
    guard let store else {
      documents = []
      return
    }
    documents = try store.history(name: name).compactMap { run in
      guard run.kind == .result, var document = try? ResultHistory.document(of: run) else { return nil }
      document.notebookBlob = run.trailer("Notebook-Blob")
      return document
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
