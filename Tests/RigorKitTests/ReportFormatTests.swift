import Foundation
import RigorStatistics
import Testing
@testable import RigorKit

/// The text formats `rigor log` prints, checked against Foundation's own formatters.
@Suite struct ReportFormatTests {
  @Test func iso8601MatchesFoundationsFormatter() {
    let formatter = ISO8601DateFormatter()
    var random = SplitMix64(seed: 6)
    // Epoch, leap days (2000 is a leap year, 1900 and 2100 are not), before the epoch, and
    // random instants from 1601 to 9999.
    var seconds: [Int64] = [0, -1, 86_399, 86_400, 951_782_400, 951_868_799, 4_107_542_400, -2_203_891_200, 1_795_303_270]
    for _ in 0..<2_000 {
      seconds.append(-11_644_473_600 + Int64(random.next() % 265_000_000_000))
    }
    for second in seconds {
      let date = Date(timeIntervalSince1970: TimeInterval(second))
      #expect(Format.iso8601(date) == formatter.string(from: date), "\(second)")
    }
  }

  @Test func numberMatchesStringFormat() {
    var random = SplitMix64(seed: 7)
    var values: [Double] = [1, -1, 0.5, 1e-300, 1e300, 123_456_789, 0.000_012_345_67, .infinity, -.infinity, .nan, .pi]
    for _ in 0..<2_000 {
      values.append(Double(bitPattern: random.next()))
    }
    for value in values where value != 0 {
      #expect(Format.number(value) == String(format: "%.4g", value), "\(value)")
    }
    #expect(Format.number(0) == "0")
    #expect(Format.number(-0.0) == "0")
  }
}
