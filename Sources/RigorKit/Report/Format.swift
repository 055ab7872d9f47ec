import Foundation
import Interp

/// Number formatting shared by the text outputs.
enum Format {
  static func seconds(_ value: Double) -> String {
    value < 1 ? String(format: "%.0f ms", value * 1000) : String(format: "%.2f s", value)
  }

  /// A compact number: 4 significant digits.
  static func number(_ value: Double) -> String {
    if value == 0 { return "0" }
    return String(format: "%.4g", value)
  }

  /// "mean ± half-width (95% CI, n = N)" or the single value.
  static func summary(_ values: [Double]) -> String {
    guard !values.isEmpty else { return "never recorded" }
    guard values.count > 1 else { return "\(number(values[0])) (n = 1)" }
    let interval = Statistics.tInterval(values)
    return "\(number(interval.estimate)) ± \(number(interval.upper - interval.estimate)) (95% CI, n = \(values.count))"
  }
}

/// Seeds written compactly: "0-4" or "0, 3, 7".
enum SeedList {
  static func describe(_ seeds: [Int]) -> String {
    if seeds.count > 2, seeds == Array(seeds[0]...(seeds[0] + seeds.count - 1)) {
      return "\(seeds[0])-\(seeds[seeds.count - 1])"
    }
    return seeds.map(String.init).joined(separator: ", ")
  }
}
