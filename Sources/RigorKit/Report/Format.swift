import Foundation
import RigorStatistics

/// Number formatting shared by the text outputs.
enum Format {
  static func seconds(_ value: Double) -> String {
    value < 1 ? String(format: "%.0f ms", value * 1000) : String(format: "%.2f s", value)
  }

  /// A compact number: 4 significant digits.
  static func number(_ value: Double) -> String {
    if value == 0 { return "0" }
    return printf("%.4g", value)
  }

  /// `value` formatted by the C library, as `String(format:)` formats a double, without
  /// Foundation's format-string machinery (about 10× slower; `rigor log` formats thousands).
  static func printf(_ format: StaticString, _ value: Double) -> String {
    withUnsafeTemporaryAllocation(of: CChar.self, capacity: 64) { buffer in
      let written = withVaList([value]) { arguments in
        format.withUTF8Buffer { format in
          format.withMemoryRebound(to: CChar.self) { vsnprintf(buffer.baseAddress, 64, $0.baseAddress, arguments) }
        }
      }
      // 64 bytes hold any %g of a double; fall back to Foundation if not.
      guard written >= 0, written < 64 else { return String(format: "\(format)", value) }
      return String(cString: buffer.baseAddress!)
    }
  }

  /// `date` as ISO 8601 in UTC to the second (`2026-11-22T00:41:10Z`), what a default
  /// `ISO8601DateFormatter` prints, without creating ICU formatters.
  static func iso8601(_ date: Date) -> String {
    let seconds = Int64(date.timeIntervalSince1970.rounded(.down))
    let (days, secondOfDay) = seconds.quotientAndRemainder(dividingBy: 86_400)
    let dayNumber = secondOfDay < 0 ? days - 1 : days
    let second = secondOfDay < 0 ? secondOfDay + 86_400 : secondOfDay
    let (year, month, day) = civilDate(daysSinceEpoch: dayNumber)
    return pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2) + "T" + pad(second / 3600, 2) + ":"
      + pad(second / 60 % 60, 2) + ":" + pad(second % 60, 2) + "Z"
  }

  /// The proleptic Gregorian date `days` after 1970-01-01 (Howard Hinnant's days-to-civil).
  private static func civilDate(daysSinceEpoch days: Int64) -> (Int64, Int64, Int64) {
    let z = days + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let dayOfEra = z - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let shiftedMonth = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
    let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
    return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
  }

  private static func pad(_ value: Int64, _ width: Int) -> String {
    let digits = String(value)
    return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
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
