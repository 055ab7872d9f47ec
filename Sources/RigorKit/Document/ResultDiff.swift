import Foundation

/// What changed between two recorded results: `rigor diff`'s document.
///
/// A metric's change is "beyond seed noise" when the 95% Welch interval of the difference of
/// its means excludes zero; with fewer than two values on a side it cannot be told.
struct ResultDiff: Codable {
  var a: String?
  var b: String?
  var metrics: [MetricChange]
  var claims: [ClaimChange]
  var parameters: [FieldChange]
  var environment: [FieldChange]

  struct MetricChange: Codable {
    var name: String
    var a: MetricSummary
    var b: MetricSummary
    var difference: Double?
    var ciLow: Double?
    var ciHigh: Double?
    /// nil when it cannot be told (fewer than two values on a side).
    var beyondNoise: Bool?

    enum CodingKeys: String, CodingKey {
      case name, a, b, difference
      case ciLow = "ci_low"
      case ciHigh = "ci_high"
      case beyondNoise = "beyond_noise"
    }
  }

  struct ClaimChange: Codable {
    var id: String
    var tierA: Int?
    var tierB: Int?
    var verdictA: Verdict?
    var verdictB: Verdict?
    /// The declarations each side's tier rests on (docs/JUDGING.md).
    var restsOnA: [String]?
    var restsOnB: [String]?

    enum CodingKeys: String, CodingKey {
      case id
      case tierA = "tier_a"
      case tierB = "tier_b"
      case verdictA = "verdict_a"
      case verdictB = "verdict_b"
      case restsOnA = "rests_on_a"
      case restsOnB = "rests_on_b"
    }
  }

  struct FieldChange: Codable {
    var field: String
    var a: String?
    var b: String?
  }
}
