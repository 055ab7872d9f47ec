/// The words the prose audit listens for: assertive cues, hedges, negators and abbreviations.
///
/// All of the audit's vocabulary lives here, so what counts as "pontification" can be read
/// (and argued with) in one place. Entries are lower-case word sequences; each position lists
/// the inflections that may stand there, so "shows that", "showed that" and "shown that" are
/// one cue. Matching is on whole words: "data-driven" is not "driven", "encoding" is not
/// "encodes".
///
/// Sources:
/// - Boosters: Hyland, K. (1998). *Hedging in Scientific Research Articles*. John Benjamins —
///   the booster list (show, demonstrate, prove, establish, clearly, conclusively, …).
/// - Hedges: the CoNLL-2010 shared task on hedge-cue detection (Farkas et al. 2010, BioScope
///   and Wikipedia weasel words) and Hyland 1998 — may, might, could, suggest, appear, seem,
///   likely, possibly, consistent with, ….
/// - Causal language: Yu, Li & Wang (2019), "Detecting Causal Language Use in Science
///   Findings", EMNLP — direct causal cues (causes, is responsible for, drives, determines).
/// - Mechanistic overclaims (implements, encodes, "the feature for", monosemantic,
///   faithful) and definitional identification ("head 2.3 is the induction head") are
///   Rigor's interpretability-specific additions (docs/JUDGING.md, "Prose audit").
public struct ProseLexicon: Sendable {
  /// Why a cue is assertive.
  public enum CueKind: String, Codable, Sendable, Hashable {
    /// A booster: the author vouches for the claim ("we show that", "clearly").
    case booster
    /// Direct causal language ("causes", "is responsible for").
    case causal
    /// A mechanistic overclaim ("implements", "the circuit for", "monosemantic").
    case mechanistic
    /// Naming a component by what it was read to do ("X is the deception feature").
    case definitional
  }

  /// One assertive cue: a word sequence, each position a set of accepted inflections.
  public struct Cue: Sendable, Hashable {
    public var kind: CueKind
    public var words: [Set<String>]
    /// Words that, right before the cue, make it something else: "to establish whether"
    /// states a method, "a root cause" is a noun.
    public var notAfter: Set<String>

    public init(_ kind: CueKind, _ words: [Set<String>], notAfter: Set<String> = []) {
      self.kind = kind
      self.words = words
      self.notAfter = notAfter
    }
  }

  /// Assertive cues, tried in order; the first match in a sentence is reported.
  public var cues: [Cue]
  /// Hedges: word sequences that make a sentence a hypothesis rather than a claim.
  public var hedges: [[Set<String>]]
  /// Words that negate a cue up to ``negationWindow`` words before it, within its clause.
  public var negators: Set<String>
  /// How many words before a cue a negator may stand.
  public var negationWindow: Int
  /// Modifiers that keep "is the … feature" from being an identification ("is the same
  /// feature", "is the first head").
  public var definitionalStopModifiers: Set<String>
  /// Nouns a definitional identification ends with ("is the induction head").
  public var componentNouns: Set<String>
  /// Nouns for which "is a/an … NOUN" also identifies ("is an induction head"); for the rest
  /// only "the" does ("is a key feature" is ordinary English).
  public var indefiniteComponentNouns: Set<String>
  /// Words whose trailing period does not end a sentence ("e.g.", "et al.", "Fig.").
  public var abbreviations: Set<String>

  /// Creates a lexicon from its parts.
  public init(
    cues: [Cue], hedges: [[Set<String>]], negators: Set<String>, negationWindow: Int,
    definitionalStopModifiers: Set<String>, componentNouns: Set<String>,
    indefiniteComponentNouns: Set<String>, abbreviations: Set<String>
  ) {
    self.cues = cues
    self.hedges = hedges
    self.negators = negators
    self.negationWindow = negationWindow
    self.definitionalStopModifiers = definitionalStopModifiers
    self.componentNouns = componentNouns
    self.indefiniteComponentNouns = indefiniteComponentNouns
    self.abbreviations = abbreviations
  }
}

extension ProseLexicon {
  /// "to" before a verb states an aim or a method ("to confirm this, we ablate …").
  private static let infinitive: Set<String> = ["to"]
  /// Subjects before which a verb describes the authors' work, not the model.
  private static let authorial: Set<String> = ["we", "i", "you", "to"]
  private static let determiners: Set<String> = [
    "a", "an", "the", "this", "that", "its", "their", "our", "one", "root", "main", "common",
    "possible", "likely", "primary", "no",
  ]

  /// The lexicon `rigor audit` uses (docs/JUDGING.md, "Prose audit").
  public static let standard = ProseLexicon(
    cues: [
      // Boosters (Hyland 1998).
      Cue(.booster, [["show", "shows", "showed", "shown", "showing"], ["that"]]),
      Cue(
        .booster, [["demonstrate", "demonstrates", "demonstrated", "demonstrating"]],
        notAfter: infinitive),
      Cue(.booster, [["prove", "proves", "proved", "proven", "proving"]], notAfter: infinitive),
      Cue(
        .booster, [["establish", "establishes", "established", "establishing"]],
        notAfter: infinitive),
      Cue(.booster, [["reveal", "reveals", "revealed", "revealing"]], notAfter: infinitive),
      Cue(.booster, [["confirm", "confirms", "confirmed", "confirming"]], notAfter: infinitive),
      Cue(.booster, [["clearly"]]),
      Cue(.booster, [["conclusively"]]),
      Cue(.booster, [["definitively"]]),
      Cue(.booster, [["undoubtedly"]]),
      Cue(.booster, [["unequivocally"]]),
      Cue(.booster, [["obvious", "obviously"]]),
      Cue(.booster, [["it"], ["is"], ["clear"], ["that"]]),
      Cue(.booster, [["undeniably", "undeniable"]]),
      Cue(.booster, [["without"], ["doubt"]]),
      Cue(.booster, [["guarantees", "guaranteed", "guarantee"]], notAfter: determiners.union(infinitive)),
      Cue(.booster, [["solves", "solved"]]),
      // Direct causal language (Yu et al. 2019).
      Cue(.causal, [["causes", "caused", "causing"]]),
      Cue(.causal, [["cause"]], notAfter: determiners.union(infinitive)),
      Cue(.causal, [["responsible"], ["for"]]),
      Cue(.causal, [["drives", "drove"]]),
      Cue(.causal, [["drive"]], notAfter: determiners.union(infinitive)),
      Cue(.causal, [["driven"], ["by"]]),
      Cue(.causal, [["determines"]]),
      Cue(.causal, [["determine"]], notAfter: authorial),
      Cue(.causal, [["determined"], ["by"]]),
      // Mechanistic overclaims (interpretability-specific).
      Cue(.mechanistic, [["implements"]]),
      Cue(.mechanistic, [["implement"]], notAfter: authorial),
      Cue(.mechanistic, [["implemented"], ["by"]]),
      Cue(.mechanistic, [["encodes"]]),
      Cue(.mechanistic, [["encode"]], notAfter: authorial),
      Cue(.mechanistic, [["encoded"], ["in", "by"]]),
      Cue(.mechanistic, [["the"], ["feature", "circuit", "neuron", "direction"], ["for"]]),
      Cue(.mechanistic, [["monosemantic"]]),
      Cue(.mechanistic, [["faithful", "faithfully"]]),
      Cue(.mechanistic, [["fully"], ["explains", "explain", "explained"]]),
      Cue(.mechanistic, [["is", "are"], ["the"], ["mechanism"]]),
    ],
    hedges: [
      [["may", "might", "could"]],
      [["suggest", "suggests", "suggested", "suggesting", "suggestive"]],
      [["appear", "appears", "appeared", "apparently"]],
      [["seem", "seems", "seemed", "seemingly"]],
      [["likely", "unlikely", "possibly", "possible", "perhaps", "plausibly", "plausible"]],
      [
        [
          "hypothesize", "hypothesizes", "hypothesized", "hypothesise", "hypothesised",
          "hypothesis",
        ]
      ],
      [["speculate", "speculative", "tentatively", "tentative", "preliminary"]],
      // An indirect question asserts nothing: "we test whether head 2 drives refusal".
      [["whether", "unclear", "uncertain"]],
      [["indicate", "indicates", "indicated", "indicative"]],
      [["consistent", "compatible"], ["with"]],
      [["tend", "tends"], ["to"]],
      [["cannot", "can't"], ["rule"], ["out"]],
      [["we"], ["believe", "think", "conjecture"]],
    ],
    negators: [
      "not", "no", "never", "cannot", "neither", "nor", "nothing", "none", "without", "fail",
      "fails",
      "failed", "unable",
    ],
    negationWindow: 5,
    definitionalStopModifiers: [
      "same", "other", "first", "second", "third", "last", "next", "only", "most", "following",
      "previous", "above", "below", "number", "main", "key", "best", "top", "largest",
    ],
    componentNouns: [
      "feature", "neuron", "head", "circuit", "direction", "latent", "unit", "component",
    ],
    indefiniteComponentNouns: ["head", "neuron", "circuit"],
    abbreviations: [
      "e.g", "i.e", "al", "fig", "figs", "eq", "eqs", "cf", "vs", "approx", "resp", "sec", "secs",
      "no", "nos", "tab", "ref", "refs", "dr", "prof", "mr", "mrs", "ms", "st", "vol", "pp", "ch",
      "app", "viz", "ca", "incl", "esp",
    ])
}
