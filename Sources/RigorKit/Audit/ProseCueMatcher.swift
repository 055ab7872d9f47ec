/// Finds the first assertive cue of a sentence and tells whether the sentence is hedged.
struct ProseCueMatcher {
  /// An assertive cue found in a sentence.
  struct Match {
    var kind: ProseLexicon.CueKind
    /// Token indices the cue spans.
    var tokens: ClosedRange<Int>
  }

  var lexicon: ProseLexicon

  /// The earliest cue in the sentence that is not negated or excused by the word before it.
  func firstCue(in tokens: ProseTokens) -> Match? {
    var best: Match?
    for index in 0..<tokens.count {
      if let match = cue(at: index, in: tokens) ?? definitional(at: index, in: tokens),
        !negated(match, in: tokens)
      {
        best = match
        break
      }
    }
    return best
  }

  /// True when any hedge occurs in the sentence.
  func isHedged(_ tokens: ProseTokens) -> Bool {
    (0..<tokens.count).contains { index in lexicon.hedges.contains { tokens.matches($0, at: index) }
    }
  }

  private func cue(at index: Int, in tokens: ProseTokens) -> Match? {
    for cue in lexicon.cues where tokens.matches(cue.words, at: index) {
      if index > 0, cue.notAfter.contains(tokens[index - 1].word), !ableTo(index, tokens) {
        continue
      }
      return Match(kind: cue.kind, tokens: index...(index + cue.words.count - 1))
    }
    return nil
  }

  /// "We were able to confirm that …" is a claim although "to" precedes the verb.
  private func ableTo(_ index: Int, _ tokens: ProseTokens) -> Bool {
    index >= 2 && tokens[index - 1].word == "to"
      && ["able", "unable"].contains(tokens[index - 2].word)
  }

  /// "X is the deception feature", "head 2.3 is an induction head": a copula, an article,
  /// one to three modifiers and a component noun that ends the noun phrase.
  private func definitional(at index: Int, in tokens: ProseTokens) -> Match? {
    guard ["is", "are", "was", "were"].contains(tokens[index].word), index + 2 < tokens.count,
      tokens.adjacent(index)
    else { return nil }
    let article = tokens[index + 1].word
    guard ["the", "a", "an"].contains(article) else { return nil }
    var last = index + 1
    for candidate in (index + 2)...min(index + 5, tokens.count - 1) {
      guard tokens.adjacent(last) else { return nil }
      last = candidate
      let word = tokens[candidate].word
      let noun = word.hasSuffix("s") ? String(word.dropLast()) : word
      guard lexicon.componentNouns.contains(noun) else {
        if lexicon.definitionalStopModifiers.contains(word) { return nil }
        continue
      }
      guard candidate >= index + 3 else { return nil }  // "is the feature" names nothing
      if article != "the" && !lexicon.indefiniteComponentNouns.contains(noun) { return nil }
      if tokens.adjacent(candidate), !Self.phraseEnders.contains(tokens[candidate + 1].word) {
        return nil  // "the SAE feature dashboard": the noun was a modifier
      }
      return Match(kind: .definitional, tokens: index...candidate)
    }
    return nil
  }

  /// A negator up to `negationWindow` words before the cue, in the same clause, or inside a
  /// definitional match ("is not the …" never matches, so only the window matters).
  private func negated(_ match: Match, in tokens: ProseTokens) -> Bool {
    let start = match.tokens.lowerBound
    let earliest = max(0, start - lexicon.negationWindow)
    for index in stride(from: start - 1, through: earliest, by: -1) {
      if tokens.clauseBreak(between: index, and: start) { break }
      let word = tokens[index].word
      if lexicon.negators.contains(word) || word.hasSuffix("n't") { return true }
    }
    return false
  }

  /// Words that may follow the component noun of an identification.
  private static let phraseEnders: Set<String> = [
    "for", "of", "in", "that", "which", "and", "or", "we", "because", "since", "as", "at", "on",
    "with", "across", "from", "to", "is", "are", "it", "this",
  ]
}
