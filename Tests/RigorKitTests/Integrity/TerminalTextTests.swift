import Foundation
import Testing
@testable import RigorKit

/// Notebook- and result-derived text reaches a terminal with its controls neutralised; only the
/// runner's own colours act (issue 12, item 10).
@Suite("Terminal text")
struct TerminalTextTests {
  @Test func escapeSequencesCarriageReturnsAndBellsAreShownNotActed() {
    #expect(TerminalText.escape("a\u{1B}[2Jb") == "a\\u{1b}[2Jb")
    #expect(TerminalText.escape("done\rfake ok") == "done\\u{d}fake ok")
    #expect(TerminalText.escape("\u{1B}]8;;https://evil.example\u{07}click\u{1B}]8;;\u{07}")
      == "\\u{1b}]8;;https://evil.example\\u{7}click\\u{1b}]8;;\\u{7}")
    #expect(TerminalText.escape("ding\u{07}") == "ding\\u{7}")
    #expect(TerminalText.escape("c1 \u{9B}2J del \u{7F}") == "c1 \\u{9b}2J del \\u{7f}")
    #expect(TerminalText.escape("file\u{202E}gpj.exe") == "file\\u{202e}gpj.exe")
  }

  @Test func newlinesTabsAndOrdinaryUnicodeAreKept() {
    let text = "line one\n\tindented → café ✓ 3†\n"
    #expect(TerminalText.escape(text) == text)
  }

  @Test func theConsoleEscapesEveryLineItWrites() {
    let out = Captured()
    let err = Captured()
    let console = Console(out: { out.append($0) }, err: { err.append($0) })
    console.out("claim \u{1B}[2J\u{1B}[Hsays\r")
    console.err("error: x.md:3:1: '\u{1B}]0;title\u{07}'")
    #expect(out.text == "claim \\u{1b}[2J\\u{1b}[Hsays\\u{d}\n")
    #expect(err.text == "error: x.md:3:1: '\\u{1b}]0;title\\u{7}'\n")
  }

  @Test func onlyTheRunnersOwnColoursSurviveOnATerminal() {
    let out = Captured()
    let console = Console(isInteractive: true, out: { out.append($0) }, err: { _ in })
    console.out(console.colored("ok", 32) + " " + console.colored("evil\u{1B}[8m", 31))
    #expect(out.text == "\u{1B}[32mok\u{1B}[0m \u{1B}[31mevil\\u{1b}[8m\u{1B}[0m\n")
    // Untrusted text cannot forge the console's colour marks either.
    let forged = Captured()
    let other = Console(isInteractive: true, out: { forged.append($0) }, err: { _ in })
    other.out("x\(TerminalText.colourStart)2\(TerminalText.colourEnd)y\(TerminalText.colourStart)a2\(TerminalText.colourEnd)")
    #expect(!forged.text.contains("\u{1B}"))
    #expect(forged.text.contains("\\u{10fff0}2\\u{10fff1}"), "\(forged.text)")
  }

  @Test func withoutATerminalColoursAreNotWrittenAtAll() {
    let out = Captured()
    let console = Console(isInteractive: false, out: { out.append($0) }, err: { _ in })
    console.out(console.colored("ok", 32))
    #expect(out.text == "ok\n")
  }
}
