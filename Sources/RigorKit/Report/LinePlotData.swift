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
    let bytes = [UInt8](svg)
    let open = Array("<metadata class=\"rigor-series\">".utf8)
    guard let start = ByteSearch.find(open, in: bytes), let end = ByteSearch.find(Array("</metadata>".utf8), in: bytes, from: start + open.count)
    else { return nil }
    var series: [Series] = []
    let metadata = Self.unescape(String(decoding: bytes[(start + open.count)..<end], as: UTF8.self))
    for line in metadata.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: true) {
      let fields = line.split(separator: UInt8(ascii: "\t"), omittingEmptySubsequences: false)
      guard fields.count == 3, let xs = Self.numbers(fields[1]), let ys = Self.numbers(fields[2]), xs.count == ys.count
      else { return nil }
      series.append(Series(name: String(decoding: fields[0], as: UTF8.self), x: xs, y: ys))
    }
    guard !series.isEmpty else { return nil }
    self.series = series
    if let titleStart = ByteSearch.find(Array("<title>".utf8), in: bytes),
      let titleEnd = ByteSearch.find(Array("</title>".utf8), in: bytes, from: titleStart + 7)
    {
      title = Self.unescape(String(decoding: bytes[(titleStart + 7)..<titleEnd], as: UTF8.self))
    } else {
      title = ""
    }
  }

  /// Space-separated numbers, or nil when any field is not one.
  private static func numbers(_ field: Substring.UTF8View.SubSequence) -> [Double]? {
    var values: [Double] = []
    for word in field.split(separator: UInt8(ascii: " ")) {
      guard let value = Double(String(decoding: word, as: UTF8.self)) else { return nil }
      values.append(value)
    }
    return values
  }

  private static func unescape(_ text: String) -> String {
    guard text.utf8.contains(UInt8(ascii: "&")) else { return text }
    return text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
      .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&apos;", with: "'")
      .replacingOccurrences(of: "&amp;", with: "&")
  }
}
