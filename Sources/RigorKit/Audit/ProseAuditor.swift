import Foundation

/// Flags "pontification" in Markdown prose: sentences that assert without support.
///
/// A sentence is flagged when it has an assertive cue (a booster such as "we show that", a
/// causal verb such as "drives", a mechanistic overclaim such as "implements" or "the
/// circuit for", or an identification such as "head 2.3 is the induction head") that is not
/// negated, and it has
/// - no hedge ("may", "suggests", "consistent with", …),
/// - no evidence anchor (a number with a CI or ±, "n =", "p =", "Figure 2", "Table 1"), and
/// - no link to a claim of the same file (`[as measured](#claim-id)`, where a ```` ```claim ````
///   block declares `id: claim-id`).
///
/// Questions are never flagged. Only prose is read: paragraphs and headings, in lists and
/// block quotes too; never code blocks, HTML or front matter. The vocabulary is
/// ``ProseLexicon``.
///
///     let flags = ProseAuditor().audit(markdown: text, file: "Notebooks/superposition.md")
///     // [ProseFlag(line: 31, cue: "demonstrates", text: "…")]
public struct ProseAuditor: Sendable {
  /// The words the auditor listens for.
  public var lexicon: ProseLexicon

  /// Creates an auditor; the standard lexicon is the one docs/JUDGING.md specifies.
  public init(lexicon: ProseLexicon = .standard) {
    self.lexicon = lexicon
  }

  /// The flags of one Markdown text, in file order; `file` is copied into each flag.
  public func audit(markdown: String, file: String, context: ProseAuditContext? = nil) -> [ProseFlag] {
    let document = ProseDocument(ProseSource(markdown))
    let splitter = ProseSentenceSplitter(abbreviations: lexicon.abbreviations)
    let matcher = ProseCueMatcher(lexicon: lexicon)
    let evidence = ProseEvidence()
    var flags: [ProseFlag] = []
    for block in document.blocks {
      for sentence in splitter.sentences(in: block) {
        // A question asks; it does not assert.
        if block.characters[sentence.upperBound - 1] == "?" { continue }
        let tokens = ProseTokens(block, sentence: sentence)
        guard let match = matcher.firstCue(in: tokens), !matcher.isHedged(tokens) else { continue }
        let text = block.text(sentence)
        let links = claimLinks(block, sentence, document.claimIDs.union(context?.claims.keys ?? [:].keys))
        let anchors = evidence.anchors(in: text)
        var reasons: [String] = []
        if let context {
          // docs/JUDGING.md: anchors count only when they agree with what was recorded.
          var counted = false
          for id in links {
            guard let claim = context.claims[id] else {
              reasons.append("links to claim \(id), which \(context.source) did not judge")
              continue
            }
            if claim.backsProse { counted = true } else {
              reasons.append("links to claim \(id), which is \(claim.described)")
            }
          }
          for anchor in anchors {
            let result = evidence.check(anchor, against: context)
            if result.counts { counted = true } else if let why = result.why { reasons.append(why) }
          }
          if counted { continue }
        } else if !anchors.isEmpty || !links.isEmpty {
          continue
        }
        let cue =
          tokens[match.tokens.lowerBound].range
          .lowerBound..<tokens[match.tokens.upperBound].range.upperBound
        flags.append(
          ProseFlag(
            file: file, line: block.lines[cue.lowerBound], column: block.columns[cue.lowerBound],
            cue: block.text(cue), text: text, kind: match.kind, reasons: reasons))
      }
    }
    return flags
  }

  /// Reads and audits the Markdown file at `url`; `file` is the path printed in the flags
  /// (relative to the repository root, by docs/COMMAND-LINE.md's convention).
  public func audit(fileAt url: URL, file: String) throws(ProseAuditError) -> [ProseFlag] {
    let data: Data
    do {
      data = try Data(contentsOf: url)
    } catch {
      throw ProseAuditError(
        file: file, reason: "cannot read the file", underlying: error.localizedDescription)
    }
    guard let text = String(data: data, encoding: .utf8) else {
      throw ProseAuditError(file: file, reason: "the file is not valid UTF-8", underlying: nil)
    }
    return audit(markdown: text, file: file)
  }

  /// The ids of claims the sentence links to (`[text](#id)`), in order.
  private func claimLinks(_ block: ProseBlock, _ sentence: Range<Int>, _ claims: Set<String>) -> [String] {
    block.links.compactMap { link in
      guard link.range.overlaps(sentence), link.destination.hasPrefix("#") else { return nil }
      let id = String(link.destination.dropFirst())
      return claims.contains(id) ? id : nil
    }
  }
}
