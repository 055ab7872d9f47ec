import FoundationXML
import Testing

@testable import Interp

/// Parses rendered SVG with libxml2 (FoundationXML), an independent XML parser.
struct ParsedSVG {
  let document: XMLDocument

  init(_ svg: String) throws { document = try XMLDocument(xmlString: svg, options: []) }

  /// Elements named `tag` (any namespace), optionally with `class` = `className`.
  func elements(_ tag: String, class className: String? = nil) throws -> [XMLElement] {
    let filter = className.map { "[@class='\($0)']" } ?? ""
    let name = tag == "*" ? "" : "[local-name()='\(tag)']"
    return try document.nodes(forXPath: "//*\(name)\(filter)").compactMap { $0 as? XMLElement }
  }

  func count(_ tag: String, class className: String? = nil) throws -> Int {
    try elements(tag, class: className).count
  }

  /// The text of every note shown in the figure.
  func notes() throws -> [String] {
    try elements("text", class: "note").map { $0.stringValue ?? "" }
  }
}

extension XMLElement {
  /// The attribute's value. (`attribute(forName:)` returns nil for elements in a default
  /// namespace on swift-corelibs-foundation, so look through `attributes`.)
  func value(_ name: String) -> String? { attributes?.first { $0.name == name }?.stringValue }

  func number(_ name: String) -> Double? { value(name).flatMap(Double.init) }
}
