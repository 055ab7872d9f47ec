import Foundation
import RigorStatistics

/// Seeded generator of hostile notebook Markdown: real notebooks mutated line by line, and
/// documents assembled from fragments that stress fences, front matter, claim YAML, line
/// endings, Unicode, long lines and deep nesting.
///
/// Inputs stay small (a few hundred bytes to a few KB) so that 100,000 of them parse in a debug
/// build within the test budget; the occasional long line or deep nesting is the exception.
struct MarkdownFuzzer {
  private var rng: SplitMix64
  private let corpus: [[String]]

  /// - Parameter corpus: real notebook texts to mutate.
  init(seed: UInt64, corpus: [String]) {
    rng = SplitMix64(seed: seed)
    self.corpus = corpus.map { $0.components(separatedBy: "\n") }
  }

  static let fences = [
    "```", "```swift", "```claim", "~~~", "~~~swift", "~~~ claim", "````swift", "`````",
    "   ```swift", "    ```swift", "> ```swift", "- ```claim", "1. ```swift", "```swift no-run",
    "``` swift", "```\tswift", "```swift`", "~~~~~~", "```claim extra", "\t```swift",
  ]
  static let yaml = [
    "---", "...", "params:", "  x: 1", "  y: 0.5", "  name: text", "  flag: true", "  bad name: 2",
    "  x: 1", "  z:", "  q: .nan", "  r: 1e999", "seeds: 5", "seeds: [1, 1]", "seeds: -3",
    "seeds: []", "seeds: 99999999999999999999", "seeds: [a, 2]", "timeout: .inf", "timeout: -1",
    "title: [a", "id: x", "id: probe-beats-random", "says: It works.", "metric: m", "control: c",
    "expect: \">= 0.8\"", "expect: \"<> 3\"", "expect: \"between 0.1 and\"", "margin: -1",
    "margin: 0.05", "task: t", ": :", "{[", "&a *a", "*unknown", "!!binary x", "? key",
    "- - -", "key: 'unterminated", "key: \"esc \\x\"", "<<: *a", "|", ">-", "  - item", "%YAML 1.2",
    "tags: [a, b]", "author: me", "unknown: 1",
  ]
  static let prose = [
    "# Title", "## Heading", "We clearly show that the probe works.", "This demonstrates it.",
    "It may suggest that (n = 12, p = 0.03).", "See [the claim](#x).", "[link](#probe-beats-random)",
    "Head 2.3 is the induction head.", "| a | b |", "|---|---|", "<div>", "</div>", "<!-- c -->",
    "* item", "+ item", "1) item", "    indented code", "![fig](x.png)", "Text with `code` and *em*.",
    "***", "___", "Setext", "===", "[ref]: http://x", "\\```", "&amp; &#0; &#x110000;", "",
  ]
  static let unicode: [ClosedRange<UInt32>] = [
    0x20...0x7E, 0xA0...0xFF, 0x300...0x36F, 0x590...0x5FF, 0x2000...0x206F, 0x3040...0x30FF,
    0xFE00...0xFE0F, 0xFEFF...0xFEFF, 0xFFF0...0xFFFD, 0x1F300...0x1F64F, 0xE0000...0xE007F,
    0x1...0x1F,
  ]

  mutating func next(_ bound: Int) -> Int { Int(rng.next() % UInt64(max(bound, 1))) }
  mutating func chance(_ percent: Int) -> Bool { next(100) < percent }
  mutating func pick<T>(_ items: [T]) -> T { items[next(items.count)] }

  /// The next input.
  mutating func document() -> String {
    var lines: [String]
    if !corpus.isEmpty, chance(60) {
      lines = pick(corpus)
      // Work on a window so inputs stay small; keep the start sometimes for front matter.
      if lines.count > 30 {
        let start = chance(40) ? 0 : next(lines.count - 10)
        lines = Array(lines[start..<min(lines.count, start + 4 + next(14))])
      }
    } else {
      lines = (0..<(1 + next(10))).map { _ in fragment() }
    }
    for _ in 0..<(1 + next(6)) { mutate(&lines) }
    return join(lines)
  }

  private mutating func fragment() -> String {
    switch next(10) {
    case 0, 1: return pick(Self.fences)
    case 2, 3: return pick(Self.yaml)
    case 4, 5, 6: return pick(Self.prose)
    case 7: return randomText(1 + next(30))
    case 8: return "let x = \(next(100)); record(\"m\", Double(x))"
    default: return ""
    }
  }

  private mutating func mutate(_ lines: inout [String]) {
    let at = next(lines.count + 1)
    switch next(14) {
    case 0: lines.insert(pick(Self.fences), at: at)
    case 1: if !lines.isEmpty { lines.remove(at: next(lines.count)) }
    case 2:
      if !lines.isEmpty {
        let start = next(lines.count)
        let end = min(lines.count, start + 1 + next(6))
        lines.insert(contentsOf: lines[start..<end], at: next(lines.count + 1))
      }
    case 3: insertInLine(&lines, pick(["`", "``", "```", "~", "~~~", "\\", "\t", "\r", "---"]))
    case 4: lines.insert(pick(["---", "...", "--- ", " ---", "---\r"]), at: chance(50) ? 0 : at)
    case 5: lines.insert(contentsOf: (0..<(1 + next(4))).map { _ in pick(Self.yaml) }, at: at)
    case 6: insertInLine(&lines, String(repeating: "\t", count: 1 + next(3)))
    case 7: insertInLine(&lines, randomText(1 + next(12)))
    case 8:
      // A very long line, now and then.
      let unit = pick(["a", "`", "*", "[", "> ", "- ", "é", "x y ", "😀"])
      lines.insert(String(repeating: unit, count: 60 + next(chance(5) ? 3000 : 240)), at: at)
    case 9:
      // Deep nesting of quotes and lists, with a fence inside now and then.
      let unit = pick(["> ", "- ", "1. ", ">", "* > ", "  - "])
      let depth = 5 + next(chance(3) ? 300 : 30)
      lines.insert(
        String(repeating: unit, count: depth) + pick(["```swift", "text", "```claim", "id: x"]), at: at)
    case 10:
      if lines.count > 1 { lines.swapAt(next(lines.count), next(lines.count)) }
    case 11:
      if !lines.isEmpty {
        let index = next(lines.count)
        lines[index] = String(lines[index].prefix(next(lines[index].count + 1)))
      }
    case 12:
      if !lines.isEmpty {
        let index = next(lines.count)
        lines[index] = pick(["", " ", "  ", "   ", "    ", "\t"]) + lines[index]
      }
    default: lines.insert(fragment(), at: at)
    }
  }

  private mutating func insertInLine(_ lines: inout [String], _ text: String) {
    guard !lines.isEmpty else { lines.append(text); return }
    let index = next(lines.count)
    var characters = Array(lines[index])
    characters.insert(contentsOf: text, at: next(characters.count + 1))
    lines[index] = String(characters)
  }

  private mutating func randomText(_ count: Int) -> String {
    var scalars = String.UnicodeScalarView()
    for _ in 0..<count {
      let range = pick(Self.unicode)
      let value = range.lowerBound + UInt32(next(Int(range.upperBound - range.lowerBound) + 1))
      if let scalar = Unicode.Scalar(value), value != 0 { scalars.append(scalar) }
    }
    return String(scalars)
  }

  /// Joins with mixed line endings: mostly LF, sometimes CRLF or a lone CR.
  private mutating func join(_ lines: [String]) -> String {
    let ending = next(10)
    if ending < 7 { return lines.joined(separator: "\n") + (chance(50) ? "\n" : "") }
    var text = ""
    for (index, line) in lines.enumerated() {
      text += line
      if index < lines.count - 1 { text += ending == 7 ? "\r\n" : pick(["\n", "\r\n", "\r"]) }
    }
    return text
  }
}
