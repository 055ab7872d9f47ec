import Foundation
import Testing

@testable import Interp

/// The committed VADER fixture (Scripts/make-sentiment-fixture.py): sentences scored by the
/// Python vaderSentiment package, and the lexicon valences of the words they use.
private struct VaderFixture: Decodable {
  struct Case: Decodable {
    var text: String
    var compound: Double
    var unmodelled: String?
    var tokens: [String]
  }

  var lexiconSubset: [String: Double]
  var cases: [Case]

  enum CodingKeys: String, CodingKey {
    case lexiconSubset = "lexicon_subset"
    case cases
  }

  static func load() throws -> VaderFixture {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("Fixtures/sentiment/vader-compound.json")
    return try JSONDecoder().decode(VaderFixture.self, from: Data(contentsOf: url))
  }
}

@Suite("SentimentLexicon")
struct SentimentLexiconTests {
  @Test("compound scores match the Python vaderSentiment package on text using the rules implemented")
  func matchesVader() throws {
    let fixture = try VaderFixture.load()
    let lexicon = SentimentLexicon(valences: fixture.lexiconSubset)
    let modelled = fixture.cases.filter { $0.unmodelled == nil }
    #expect(modelled.count >= 10)
    for example in modelled {
      // The package rounds compound to four decimals.
      #expect(abs(lexicon.compound(example.text) - example.compound) <= 5e-5, "\(example.text)")
    }
  }

  @Test("text using rules left out scores differently from the package, as documented")
  func differsWhereSimplified() throws {
    let fixture = try VaderFixture.load()
    let lexicon = SentimentLexicon(valences: fixture.lexiconSubset)
    let unmodelled = fixture.cases.filter { $0.unmodelled != nil }
    #expect(!unmodelled.isEmpty)
    for example in unmodelled {
      #expect(abs(lexicon.compound(example.text) - example.compound) > 1e-3, "\(example.text): \(example.unmodelled!)")
    }
  }

  @Test("tokens are split and stripped of punctuation as the package does")
  func tokensMatchVader() throws {
    for example in try VaderFixture.load().cases {
      #expect(SentimentLexicon.tokens(example.text) == example.tokens)
    }
  }

  @Test("the compound score is the normalised sum x/sqrt(x^2+15), clamped and odd")
  func normalisation() {
    #expect(SentimentLexicon.normalize(0) == 0)
    #expect(abs(SentimentLexicon.normalize(1) - 1 / 16.0.squareRoot()) < 1e-12)
    #expect(abs(SentimentLexicon.normalize(-3) + 3 / 24.0.squareRoot()) < 1e-12)
    #expect(SentimentLexicon.normalize(1e9) <= 1 && SentimentLexicon.normalize(1e9) > 0.999)
    let lexicon = SentimentLexicon(valences: ["joy": 2, "gloom": -2])
    #expect(lexicon.compound("joy") == -lexicon.compound("gloom"))
    #expect(lexicon.compound("nothing here matches") == 0)
    #expect(lexicon.meanCompound([]) == 0)
    #expect(abs(lexicon.meanCompound(["joy", "gloom"])) < 1e-12)
  }

  @Test("negation flips and shrinks a word's valence; degree words move its magnitude")
  func negationAndDegree() {
    let lexicon = SentimentLexicon(valences: ["good": 2])
    #expect(lexicon.wordValences(["not", "good"]) == [0, 2 * -0.74])
    #expect(lexicon.wordValences(["isn't", "really", "good"]) == [0, 0, (2 + 0.293) * -0.74])
    #expect(lexicon.wordValences(["very", "good"]) == [0, 2.293])
    #expect(lexicon.wordValences(["GOOD", "but", "good"]) == [1, 0, 3])
  }

  @Test("a lexicon file in VADER's format loads, CRLF endings included")
  func loadsFile() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lexicon-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let url = folder.appendingPathComponent("lexicon.txt")
    try "Love\t3.2\t0.4\t[3, 3]\r\nhate\t-2.7\t1.0\t[-4, -3]\r\n\r\n".write(to: url, atomically: true, encoding: .utf8)
    let lexicon = try SentimentLexicon(contentsOf: url)
    #expect(lexicon.valences == ["Love": 3.2, "hate": -2.7])
    #expect(lexicon.valence(of: "HATE") == -2.7)
    // VADER looks text up lower-cased and keeps entries as written: a capitalised entry never matches.
    #expect(lexicon.valence(of: "Love") == nil)
  }

  /// The installed lexicon from the model store (`rigor models install vader-lexicon`).
  static let installed: URL = {
    let store = ProcessInfo.processInfo.environment["RIGOR_MODELS"].map { URL(fileURLWithPath: $0) }
      ?? FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".cache/rigor/models")
    return store.appendingPathComponent("vader-lexicon/vaderSentiment/vader_lexicon.txt")
  }()

  @Test(
    "the installed VADER lexicon loads whole and scores the fixture as the package does",
    .enabled(if: FileManager.default.fileExists(atPath: installed.path), "vader-lexicon is not installed (rigor models install vader-lexicon)"))
  func installedLexicon() throws {
    let lexicon = try SentimentLexicon(contentsOf: Self.installed)
    #expect(lexicon.valences.count == 7506)  // distinct tokens, as len(SentimentIntensityAnalyzer().lexicon)
    #expect(lexicon.valence(of: "love") == 3.2 && lexicon.valence(of: "hate") == -2.7)
    for example in try VaderFixture.load().cases where example.unmodelled == nil {
      #expect(abs(lexicon.compound(example.text) - example.compound) <= 5e-5, "\(example.text)")
    }
  }

  @Test("a malformed lexicon file is an error naming the file and the line")
  func malformedFile() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lexicon-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let url = folder.appendingPathComponent("lexicon.txt")
    try "love\t3.2\nhate\tvery bad\n".write(to: url, atomically: true, encoding: .utf8)
    #expect(throws: SentimentLexiconError(file: url, line: 2, reason: "valence 'very bad' of 'hate' is not a number")) {
      try SentimentLexicon(contentsOf: url)
    }
    let error = #expect(throws: SentimentLexiconError.self) { try SentimentLexicon(contentsOf: folder.appendingPathComponent("none.txt")) }
    #expect(error?.description.hasPrefix(folder.appendingPathComponent("none.txt").path) == true)
    try "".write(to: url, atomically: true, encoding: .utf8)
    #expect(throws: SentimentLexiconError.self) { try SentimentLexicon(contentsOf: url) }
  }
}
