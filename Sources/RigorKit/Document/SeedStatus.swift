/// How one seed's process ended: the seed level of the result vocabulary (docs/CLI-JSON.md).
///
/// The runner's ``SeedOutcome``, the judge's ``SeedEvidence`` and the JSON ``SeedRunDocument``
/// all carry this one type; only `ok` seeds count as evidence (docs/JUDGING.md).
public enum SeedStatus: String, Codable, Sendable, Hashable {
  case ok, failed
  case timedOut = "timed_out"
}
