import RigorStatistics
import Testing

@testable import RigorKit

@Suite struct AuditRobustnessTests {
  @Test(arguments: [
    "", "---", "---\n---", "---\n...\nIt clearly works.", "\u{0}It clearly works.",
    "```claim\nid:\n```",
    "> > > - - 1. It clearly works.", "[clearly](#)", "![It clearly works.](#x)",
    "It clearly works",
    "*It **clearly** works.*", "# \n\n#", "It clearly works.\r\n", "\t\tIt clearly works.",
  ])
  func oddInputsNeverCrashAndStayInsideTheFile(_ markdown: String) {
    let lineCount = markdown.utf8.split(separator: 10, omittingEmptySubsequences: false).count
    for flag in ProseAuditor().audit(markdown: markdown, file: "x.md") {
      #expect((1...lineCount).contains(flag.line))
      #expect(flag.column >= 1)
    }
  }

  @Test func seededGarbageNeverCrashes() {
    let alphabet = Array("ab clearly shows that. \n*_`[]()#>-!?1.2±=\u{00E9}\u{1F600}\r\t")
    var rng = SplitMix64(seed: 2024)
    for _ in 0..<300 {
      let length = Int(rng.next() % 200)
      let text = String(
        (0..<length).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] })
      let lineCount = text.utf8.split(separator: 10, omittingEmptySubsequences: false).count
      for flag in ProseAuditor().audit(markdown: text, file: "g.md") {
        #expect((1...lineCount).contains(flag.line), "\(text.debugDescription)")
        #expect(
          text.contains(flag.cue) || flag.cue.contains(" "),
          "\(flag.cue) in \(text.debugDescription)")
      }
    }
  }

  @Test func cueTextIsFoundAtItsReportedPosition() {
    let markdown =
      "Intro.\n\n- a list item that\n  clearly works.\n\n> Quote: we *show that* it works.\n"
    let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let flags = ProseAuditor().audit(markdown: markdown, file: "p.md")
    #expect(flags.count == 2)
    for flag in flags {
      let line = Array(lines[flag.line - 1])
      let found = String(line[(flag.column - 1)...].prefix(flag.cue.count))
      #expect(found == flag.cue)
    }
  }
}
