import Foundation
import Testing
@testable import RigorKit

/// The core's checks reach the user from the release build notebooks link, at the notebook
/// line that misused the core, once per distinct error; compile errors keep their notes.
@Suite(.serialized) struct CoreErrorTests {
  static let shapeMismatch = """
    ---
    seeds: 3
    ---

    # Shapes

    ```swift
    let a = Tensor.zeros([2, 3])
    let b = Tensor.zeros([4, 5])
    let c = a.matmul(b)
    print(c.shape)
    ```

    ```claim
    id: never-judged
    says: The product has rows.
    metric: rows
    expect: "> 0"
    ```
    """

  @Test func shapeMismatchInAStepShowsTheCoreMessageAtTheNotebookLineOnce() throws {
    let repo = try ScratchRepository()
    let path = try repo.notebook("shapes", Self.shapeMismatch)
    let run = repo.rigor(["run", path, "--format", "json", "--no-commit"])
    #expect(run.status == 5)
    let document = try #require(try run.documents().first)
    #expect(document.errors.count == 3)
    for error in document.errors {
      #expect(error.file == "Notebooks/shapes.md")
      #expect(error.line == 10)
      #expect(error.message.contains("matmul"))
      #expect(error.message.contains("[2, 3]") && error.message.contains("[4, 5]"))
      #expect(!error.message.contains("trapped"))
    }
    let lines = run.stderr.split(separator: "\n").filter { $0.contains(": error: ") }
    #expect(lines.count == 1, "\(run.stderr)")
    #expect(lines.first?.hasPrefix("Notebooks/shapes.md:10:") == true)
    #expect(lines.first?.contains("3 of 3 seeds failed the same way") == true)
    let reasons = document.claims.flatMap(\.reasons).joined(separator: "\n")
    #expect(!reasons.contains("judged on the rest"))
    #expect(reasons.contains("no seed is left to judge"))
  }

  @Test func compileErrorKeepsTheCandidatesAndWarningsAreShown() throws {
    let repo = try ScratchRepository()
    let path = try repo.notebook("ambiguous", """
      # Ambiguous

      ```swift
      func f(_ x: Int) {}
      func f(_ x: String) {}
      _ = 1 is Int
      f(1.5)
      ```
      """)
    let run = repo.rigor(["run", path, "--format", "json", "--no-commit"])
    #expect(run.status == 4)
    let error = try #require(try run.documents().first?.errors.first)
    #expect(error.line == 7)
    #expect(error.message.contains("note: candidate expects value of type 'Int'"))
    #expect(error.message.contains("(line 4)"))
    #expect(run.stderr.contains("note: candidate expects value of type 'String'"))
    #expect(run.stderr.contains("warning:"), "\(run.stderr)")
  }
}

/// What `rigor run` echoes of its command line in the text summary.
@Suite(.serialized) struct RunSummaryEchoTests {
  @Test func summaryEchoesOverriddenParametersAndTheSeedsRun() throws {
    let repo = try ScratchRepository()
    let path = try repo.notebook("metric", RunCommandTests.metricNotebook)
    let run = repo.rigor(["run", path, "--no-commit", "--seeds", "5-7", "--param", "offset=100"])
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout.contains("seeds 5-7"))
    #expect(run.stdout.contains("parameters set on the command line: offset=100"))
    let repeated = repo.rigor(["run", path, "--no-commit", "--param", "offset=1", "--param", "offset=2"])
    #expect(repeated.status == 2)
    #expect(repeated.stderr.contains("given twice"))
  }
}
