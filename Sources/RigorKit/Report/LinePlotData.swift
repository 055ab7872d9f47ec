import Foundation

/// The data of a line plot read back from the `<metadata class="rigor-series">` element that
/// `Plot` writes into line plots, so a report can draw the same plot across seeds.
///
/// The figure file is untrusted: anything that does not parse gives nil, never a crash.
struct LinePlotData: Equatable {
  struct Series: Equatable {
    var name: String
    var x: [Double]
    var y: [Double]
  }

  var title: String
  var series: [Series]

  init?(svg: Data) {
    let text = String(decoding: svg, as: UTF8.self)
    let open = "<metadata class=\"rigor-series\">"
    guard let start = text.range(of: open), let end = text.range(of: "</metadata>", range: start.upperBound..<text.endIndex)
    else { return nil }
    var series: [Series] = []
    for line in Self.unescape(String(text[start.upperBound..<end.lowerBound])).split(separator: "\n", omittingEmptySubsequences: true) {
      let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
      guard fields.count == 3 else { return nil }
      let xs = fields[1].split(separator: " ").map { Double($0) }
      let ys = fields[2].split(separator: " ").map { Double($0) }
      guard !xs.contains(nil), !ys.contains(nil), xs.count == ys.count else { return nil }
      series.append(Series(name: String(fields[0]), x: xs.map { $0! }, y: ys.map { $0! }))
    }
    guard !series.isEmpty else { return nil }
    self.series = series
    if let titleStart = text.range(of: "<title>"), let titleEnd = text.range(of: "</title>", range: titleStart.upperBound..<text.endIndex) {
      title = Self.unescape(String(text[titleStart.upperBound..<titleEnd.lowerBound]))
    } else {
      title = ""
    }
  }

  private static func unescape(_ text: String) -> String {
    text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
      .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&apos;", with: "'")
      .replacingOccurrences(of: "&amp;", with: "&")
  }
}
