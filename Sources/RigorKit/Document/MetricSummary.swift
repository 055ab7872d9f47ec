import RigorStatistics

/// A metric over seeds: mean and, with two or more seeds, its 95% Student-t interval.
struct MetricSummary: Codable, Equatable {
  var mean: Double?
  var ciLow: Double?
  var ciHigh: Double?
  var n: Int

  enum CodingKeys: String, CodingKey {
    case mean, n
    case ciLow = "ci_low"
    case ciHigh = "ci_high"
  }

  init(_ values: [Double]) {
    n = values.count
    guard !values.isEmpty else { return }
    mean = Statistics.mean(values)
    if values.count > 1 {
      let interval = Statistics.tInterval(values)
      ciLow = interval.lower
      ciHigh = interval.upper
    }
  }

  var text: String {
    guard let mean else { return "never recorded" }
    guard let ciLow, let ciHigh else { return Format.number(mean) }
    return "\(Format.number(mean)) [\(Format.number(ciLow)), \(Format.number(ciHigh))]"
  }
}
