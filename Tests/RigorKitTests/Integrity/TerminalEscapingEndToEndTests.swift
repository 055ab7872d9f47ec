import Foundation
import Testing
@testable import RigorKit

/// Hostile text in a notebook (front matter, claim text, step output) and in its recorded result
/// never reaches the terminal as a control sequence, through run, log, show and diff.
@Suite(.serialized) struct TerminalEscapingEndToEndTests {
  static let hostileNotebook = """
    ---
    title: "Clear \\e[2J the screen"
    seeds: 1
    ---

    # Hostile

    ```swift
    record("value", 1.0)
    print("wipe \\u{1B}[2J\\u{1B}[H then\\rover \\u{1B}]8;;https://evil.example\\u{07}link\\u{1B}]8;;\\u{07} bell\\u{07}")
    ```

    ```swift
    print("last words \\u{1B}[31mred\\r")
    let parts: [Int] = []
    print(parts[seed + 1])
    ```

    ```claim
    id: hostile
    says: "A claim that rings \\a and clears \\e[2J"
    metric: value
    ```
    """

  private func expectNoControls(_ outcome: ScratchRepository.Outcome, _ command: String) {
    let text = outcome.stdout + outcome.stderr
    for control in ["\u{1B}", "\u{07}", "\r", "\u{9B}"] {
      #expect(!text.contains(control), "\(command) wrote \(control.unicodeScalars.first!.value): \(text)")
    }
  }

  @Test func runLogShowAndDiffEscapeNotebookText() throws {
    let repo = try ScratchRepository()
    let path = try repo.notebook("hostile", Self.hostileNotebook)
    let run = repo.rigor(["run", path, "-v"])
    #expect(run.status == ExitStatus.stepFailed.rawValue, "\(run.stderr)")
    expectNoControls(run, "run")
    #expect((run.stdout + run.stderr).contains("\\u{1b}[31mred\\u{d}"), "\(run.stdout)\n\(run.stderr)")
    let again = repo.rigor(["run", path])
    expectNoControls(again, "run")
    for arguments in [["log", path], ["show", path], ["diff", path], ["log", path, "--format", "json"]] {
      let outcome = repo.rigor(arguments)
      expectNoControls(outcome, arguments.joined(separator: " "))
    }
  }

  @Test func anErrorQuotingNotebookTextEscapesIt() throws {
    let repo = try ScratchRepository()
    let path = try repo.notebook("badclaim", """
      # Bad claim

      ```claim
      id: "bad\\e[2Jid\\a"
      says: x
      ```
      """)
    let check = repo.rigor(["run", path])
    #expect(check.status == ExitStatus.invalidNotebook.rawValue, "\(check.stderr)")
    expectNoControls(check, "run")
    #expect(check.stderr.contains("\\u{1b}[2J"), "\(check.stderr)")
  }
}
