import Foundation

/// Recognises evidence anchors in a sentence: a number with a CI or ±, "n =", "p =", or a
/// figure or table reference (TIERS.md, "Prose audit").
struct ProseEvidence {
  let patterns: [NSRegularExpression]

  init() {
    let sources = [
      #"\d\s*(±|\+/-|\+-)\s*\.?\d"#,  // 0.81 ± 0.03
      #"\d[^.;]*\bCI\b|\bCI\b[^.;]*\d"#,  // 95% CI [0.7, 0.9]; CI: 0.2-0.4
      #"\bconfidence intervals?\b"#,
      #"\b[nN]\s*=\s*\d"#,  // n = 10
      #"\bp\s*(=|<|>|≤|<=)\s*\.?\d"#,  // p = 0.03, p < .01
      #"\b(fig|figs|figure|figures|tab|table|tables)\b\.?\s*\d"#,  // Figure 2, Fig. 3a, Table 1
    ]
    // Literal patterns; a test checks that every one compiles.
    patterns = sources.compactMap {
      try? NSRegularExpression(pattern: $0, options: [.caseInsensitive])
    }
  }

  /// True when `sentence` carries at least one anchor.
  func anchors(_ sentence: String) -> Bool {
    let range = NSRange(sentence.startIndex..., in: sentence)
    return patterns.contains { $0.firstMatch(in: sentence, range: range) != nil }
  }
}
