import Foundation

extension HTMLReport {
  /// One row per claim at the top of the page: its sentence, tier, verdict and the numbers
  /// that decided it, linking to the full card where the notebook states the claim.
  func claimsSummary() -> String {
    guard !document.claims.isEmpty else { return "" }
    var html = "<section id=\"claims\" aria-label=\"Claims\"><h2>Claims</h2><table class=\"claims\">"
    html += "<tr><th>claim</th><th>says</th><th>tier</th><th>verdict</th><th>deciding numbers</th></tr>"
    for claim in document.claims {
      let numbers = Self.decidingNumbers(claim).map { "<li>\(escape($0))</li>" }.joined()
      html += "<tr><td><a href=\"#\(escape(Self.anchor(claim.id)))\">\(escape(claim.id))</a></td>"
      html += "<td>\(escape(claim.says ?? ""))</td><td>\(tierBadge(claim))</td>"
      html += "<td><span class=\"badge \(escape(claim.verdict.rawValue))\">\(escape(claim.verdict.label))</span></td>"
      html += "<td>\(numbers.isEmpty ? "—" : "<ul>\(numbers)</ul>")</td></tr>"
    }
    return html + "</table></section>\n"
  }

  /// The claim's full card, placed after its claim block.
  func claimCard(id: String) -> String {
    guard let claim = document.claims.first(where: { $0.id == id }) else { return "" }
    let reasons = claim.reasons.map { "<li>\(escape($0))</li>" }.joined()
    return """
      <div class="claim \(escape(claim.verdict.rawValue))" id="\(escape(Self.anchor(claim.id)))"><p><b>\(escape(claim.id))</b> \
      \(tierBadge(claim)) <span class="badge \(escape(claim.verdict.rawValue))">\(escape(claim.verdict.label))</span></p>\
      \(claim.says.map { "<p class=\"says\">\(escape($0))</p>" } ?? "")<ul>\(reasons)</ul></div>
      """
  }

  /// "tier 2" or "no tier", with the `rests_on` mark when the judge recorded one.
  func tierBadge(_ claim: ClaimDocument) -> String {
    let tier = claim.tier.map { "tier \($0)" } ?? "no tier"
    return "<span class=\"badge tier\">\(escape(tier))\(restsOnMark(claim))</span>"
  }

  /// Claims keep their id as the anchor; ids are already restricted to URL-safe characters.
  static func anchor(_ id: String) -> String { "claim-" + id }

  /// The reasons that carry the statistics (an expectation or a control), else the first.
  static func decidingNumbers(_ claim: ClaimDocument) -> [String] {
    let numeric = claim.reasons.filter { $0.contains("CI") || $0.contains(" p = ") || $0.contains("mean ") }
    return numeric.isEmpty ? Array(claim.reasons.prefix(1)) : numeric
  }

  /// Prose links to a claim (`[text](#claim-id)` or `(#id)`) followed by that claim's verdict.
  ///
  /// One pass over the page's bytes: each link is annotated once, whichever of the two forms
  /// it uses, and a page of figures and outputs costs time linear in its size.
  func annotatingClaimLinks(_ html: String) -> String {
    var links: [String: (anchor: String, badge: String)] = [:]
    for claim in document.claims {
      let badge = "<span class=\"claimref badge \(escape(claim.verdict.rawValue))\">\(escape(claim.verdict.label)), \(escape(claim.tier.map { "tier \($0)" } ?? "no tier"))</span>"
      let anchor = escape(Self.anchor(claim.id))
      for target in [escape(claim.id), anchor] where links[target] == nil {
        links[target] = (anchor, badge)
      }
    }
    guard !links.isEmpty else { return html }
    let bytes = Array(html.utf8)
    let opening = Array("<a href=\"#".utf8)
    let closing = Array("</a>".utf8)
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count + 256)
    var copied = 0
    var searchFrom = 0
    while let start = ByteSearch.find(opening, in: bytes, from: searchFrom) {
      let targetStart = start + opening.count
      guard let quote = bytes[targetStart...].firstIndex(of: UInt8(ascii: "\"")), quote + 1 < bytes.count,
        bytes[quote + 1] == UInt8(ascii: ">")
      else { searchFrom = targetStart; continue }
      let target = String(decoding: bytes[targetStart..<quote], as: UTF8.self)
      guard let link = links[target], let close = ByteSearch.find(closing, in: bytes, from: quote + 2) else {
        searchFrom = quote + 1
        continue
      }
      out += bytes[copied..<start]
      out += Array("<a href=\"#\(link.anchor)\">".utf8)
      out += bytes[(quote + 2)..<(close + closing.count)]
      out += Array(link.badge.utf8)
      copied = close + closing.count
      searchFrom = copied
    }
    out += bytes[copied...]
    return String(decoding: out, as: UTF8.self)
  }
}

extension HTMLReport {
  /// The `rests_on` mark beside a tier (docs/JUDGING.md): a dagger, with what it rests on spelled out
  /// for readers and screen readers, when the tier rests on the author's declarations.
  func restsOnMark(_ claim: ClaimDocument) -> String {
    guard claim.tier != nil, !claim.restsOn.isEmpty else { return "" }
    let declarations = claim.restsOn.joined(separator: ", ")
    return "<abbr title=\"\(escape(ClaimDocument.restsOnNote))\">\u{2020}</abbr><span class=\"muted\"> rests on \(escape(declarations))</span>"
  }
}
