import Foundation
import Testing
@testable import RigorKit

/// `rigor export --ipynb` (#18): a valid nbformat 4.5 notebook with the recorded outputs.
@Suite struct JupyterExportTests {
  /// nbformat's own validator accepts the export of every shipped notebook's committed result.
  @Test func exportOfEveryShippedNotebookValidatesWithNbformat() throws {
    let shipped = try ShippedResult.all()
    #expect(shipped.count >= 3)
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rigor-ipynb-\(UUID().uuidString.prefix(8))")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    var paths: [String] = []
    for result in shipped {
      let seed = result.document.seeds.first ?? 0
      let data = try JupyterExport(
        document: result.document, notebook: result.notebook, files: result.files, figureSteps: result.figureSteps, seed: seed
      ).render()
      let url = folder.appendingPathComponent(result.name.replacingOccurrences(of: "/", with: "_") + ".ipynb")
      try data.write(to: url)
      paths.append(url.path)
    }
    let script = """
      import sys, nbformat
      for f in sys.argv[1:]:
          nbformat.validate(nbformat.read(f, 4))
          print("valid", f)
      """
    let run = try runProgram("/usr/bin/env", ["python3", "-c", script] + paths)
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout.components(separatedBy: "valid ").count - 1 == paths.count)
  }

  @Test func stepsBecomeSwiftCodeCellsWithTheChosenSeedsOutputAndFigures() throws {
    let result = try #require(try ShippedResult.load("quickstart"))
    let seed = try #require(result.document.seeds.last)
    let data = try JupyterExport(
      document: result.document, notebook: result.notebook, files: result.files, figureSteps: result.figureSteps, seed: seed
    ).render()
    let root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    #expect(root["nbformat"] as? Int == 4 && root["nbformat_minor"] as? Int == 5)
    let cells = try #require(root["cells"] as? [[String: Any]])
    let code = cells.filter { $0["cell_type"] as? String == "code" }
    #expect(code.count == result.notebook.steps.count)
    #expect(code.allSatisfy { ($0["metadata"] as? [String: Any])?["language"] as? String == "swift" })
    let outputs = code.flatMap { $0["outputs"] as? [[String: Any]] ?? [] }
    let stream = outputs.filter { $0["output_type"] as? String == "stream" }
      .map { ($0["text"] as? [String] ?? []).joined() }
    let expected = String(decoding: try #require(result.files["seeds/\(seed)/steps/1.txt"]), as: UTF8.self)
    #expect(stream.first == expected)
    let svgs = outputs.compactMap { ($0["data"] as? [String: Any])?["image/svg+xml"] as? [String] }
    #expect(svgs.count == result.files.keys.filter { $0.hasPrefix("seeds/\(seed)/figures/") && $0.hasSuffix(".svg") }.count)
    let markdown = cells.filter { $0["cell_type"] as? String == "markdown" }.map { ($0["source"] as? [String] ?? []).joined() }
    #expect(markdown.contains { $0.contains("| claim | says | tier | verdict |") && $0.contains("probe-beats-random-direction") })
  }
}
