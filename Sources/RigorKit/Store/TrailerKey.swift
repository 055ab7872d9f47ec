/// Every git trailer key Rigor writes in its commits and reads back, spelled once.
///
/// The store writes `Notebook` and `Rigor-Kind`; a result adds its provenance
/// (`Notebook-Blob`, `Source-Commit`, `Source-Dirty`), the summary `rigor log` reads instead of
/// `result.json` (``ResultSummaryTrailers``) and the ledger's entries (``Ledger``); a
/// registration adds the claims it registered and its seeds.
public enum TrailerKey: String, CaseIterable, Sendable {
  /// What the commit records (`registration` or `result`); written by the store only.
  case kind = "Rigor-Kind"
  /// The notebook's path.
  case notebook = "Notebook"
  /// The git blob id of the notebook text the run used.
  case notebookBlob = "Notebook-Blob"
  /// The repository's HEAD when the run started (`none` when unborn).
  case sourceCommit = "Source-Commit"
  /// Whether the working tree had changes then (`true` or `false`).
  case sourceDirty = "Source-Dirty"
  /// `1` when the commit carries the summary below.
  case summary = "Rigor-Summary"
  /// The run's status (``RunStatus``).
  case status = "Rigor-Status"
  /// The seeds, separated by spaces.
  case seeds = "Rigor-Seeds"
  /// How the run was made when not by `rigor run` (`verify`, `verify --fresh-seeds`).
  case origin = "Rigor-Origin"
  /// The parameters after overrides, as one line of JSON (summary).
  case parameters = "Rigor-Parameters"
  /// `ID TIER|none VERDICT`, one per claim.
  case tier = "Rigor-Tier"
  /// `NAME MEAN LOW HIGH N`, one per metric.
  case metric = "Rigor-Metric"
  /// The ledger's format version (`2`).
  case ledger = "Rigor-Ledger"
  /// The parameters as the ledger compares them, as one line of JSON.
  case ledgerParameters = "Rigor-Params"
  /// `ID DEFINITION CANONICAL VERDICT N FAILURE`, one per judged claim.
  case claim = "Rigor-Claim"
  /// `ID DEFINITION`, one per claim a registration registered.
  case registered = "Rigor-Registered"

  /// The key `text` spells, compared as git compares keys (ASCII case ignored); nil for a key
  /// Rigor does not use.
  public init?(matching text: String) {
    if let exact = TrailerKey(rawValue: text) {
      self = exact
    } else if let folded = TrailerKey.allCases.first(where: { CommitTrailer.keysMatch($0.rawValue, text) }) {
      self = folded
    } else {
      return nil
    }
  }

  /// The `(key, value)` pair the store writes as the line `Key: value`.
  public func with(_ value: String) -> (String, String) { (rawValue, value) }
}
