import Foundation
@testable import RigorKit

/// Builds reports from notebook text and in-memory result files, without running anything.
enum ReportFixture {
  static func notebook(_ text: String, path: String = "Notebooks/page.md") -> Notebook {
    NotebookParser().parse(text: text, path: path).notebook
  }

  static func document(for notebook: Notebook, seeds: [Int] = [0]) -> RunDocument {
    var document = RunDocument(
      notebook: notebook.path, status: .ok, resultsRef: "refs/rigor/page", seeds: seeds,
      steps: notebook.steps.map { StepDocument(index: $0.index, line: $0.line, status: .ok, code: $0.code) })
    document.runs = seeds.map { seed in
      SeedRunDocument(
        seed: seed, status: .ok, seconds: 0.5, peakMemoryBytes: 0, blasThreads: 1,
        steps: notebook.steps.map { SeedStepDocument(index: $0.index, status: .ok, seconds: 0.1) })
    }
    return document
  }

  static func report(_ text: String, files: [String: Data] = [:], seeds: [Int] = [0]) -> String {
    let notebook = notebook(text)
    return HTMLReport(document: document(for: notebook, seeds: seeds), notebook: notebook, files: files).render()
  }
}

/// Where a page could run script: script elements, event-handler attributes, script URLs,
/// and any SVG or HTML element that loads or embeds something.
enum ScriptVectors {
  static func find(in html: String) -> [String] {
    let patterns = [
      "<script", "<iframe", "<object", "<embed", "<foreignobject",
      "<[a-z][^>]*\\son[a-z]+\\s*=", "(href|src|action)\\s*=\\s*[\"']?\\s*(javascript|vbscript):",
      "<meta[^>]*http-equiv=[\"']?refresh",
    ]
    return patterns.filter { html.range(of: $0, options: [.regularExpression, .caseInsensitive]) != nil }
  }
}
