/// VADER's word lists and constants (Hutto & Gilbert 2014): facts of the method, written out
/// here as the paper and package define them.
extension SentimentLexicon {
  /// How a negated lexicon word's valence is scaled.
  static let negationScale = -0.74

  /// Words that negate the lexicon words after them (besides any word containing `n't`).
  static let negations: Set<String> = [
    "aint", "arent", "cannot", "cant", "couldnt", "darent", "didnt", "doesnt", "ain't", "aren't", "can't",
    "couldn't", "daren't", "didn't", "doesn't", "dont", "hadnt", "hasnt", "havent", "isnt", "mightnt", "mustnt",
    "neither", "don't", "hadn't", "hasn't", "haven't", "isn't", "mightn't", "mustn't", "neednt", "needn't",
    "never", "none", "nope", "nor", "not", "nothing", "nowhere", "oughtnt", "shant", "shouldnt", "uhuh",
    "wasnt", "werent", "oughtn't", "shan't", "shouldn't", "uh-uh", "wasn't", "weren't", "without", "wont",
    "wouldnt", "won't", "wouldn't", "rarely", "seldom", "despite",
  ]

  /// Degree words and the magnitude they add to (boosters, +0.293) or take from (dampeners,
  /// −0.293) the lexicon words after them. They score 0 themselves.
  static let degreeWords: [String: Double] = {
    let boosters = [
      "absolutely", "amazingly", "awfully", "completely", "considerable", "considerably", "decidedly", "deeply",
      "effing", "enormous", "enormously", "entirely", "especially", "exceptional", "exceptionally", "extreme",
      "extremely", "fabulously", "flipping", "flippin", "frackin", "fracking", "fricking", "frickin", "frigging",
      "friggin", "fully", "fuckin", "fucking", "fuggin", "fugging", "greatly", "hella", "highly", "hugely",
      "incredible", "incredibly", "intensely", "major", "majorly", "more", "most", "particularly", "purely",
      "quite", "really", "remarkably", "so", "substantially", "thoroughly", "total", "totally", "tremendous",
      "tremendously", "uber", "unbelievably", "unusually", "utter", "utterly", "very",
    ]
    let dampeners = [
      "almost", "barely", "hardly", "kinda", "kindof", "kind-of", "less", "little", "marginal", "marginally",
      "occasional", "occasionally", "partly", "scarce", "scarcely", "slight", "slightly", "somewhat", "sorta",
      "sortof", "sort-of",
    ]
    var words: [String: Double] = [:]
    for word in boosters { words[word] = 0.293 }
    for word in dampeners { words[word] = -0.293 }
    return words
  }()
}
