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
  func annotatingClaimLinks(_ html: String) -> String {
    var html = html
    for claim in document.claims {
      let badge = "<span class=\"claimref badge \(escape(claim.verdict.rawValue))\">\(escape(claim.verdict.label)), \(escape(claim.tier.map { "tier \($0)" } ?? "no tier"))</span>"
      for target in ["#\(claim.id)", "#\(Self.anchor(claim.id))"] {
        let opening = "<a href=\"\(escape(target))\">"
        var searchStart = html.startIndex
        while let start = html.range(of: opening, range: searchStart..<html.endIndex),
          let close = html.range(of: "</a>", range: start.upperBound..<html.endIndex)
        {
          let replacement = "<a href=\"#\(escape(Self.anchor(claim.id)))\">" + html[start.upperBound..<close.upperBound] + badge
          html.replaceSubrange(start.lowerBound..<close.upperBound, with: replacement)
          searchStart = html.index(start.lowerBound, offsetBy: replacement.count)
        }
      }
    }
    return html
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
