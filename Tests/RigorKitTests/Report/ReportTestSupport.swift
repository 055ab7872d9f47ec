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

/// A shipped notebook with its committed result: `Notebooks/NAME.md` and the working copy
/// `Results/NAME/` (the result commit's tree, as the runner wrote it).
struct ShippedResult {
  static let repositoryRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  var name: String
  var document: RunDocument
  var notebook: Notebook
  var files: [String: Data]

  /// Every shipped notebook that has a committed result.
  static func all() throws -> [ShippedResult] {
    let notebooks = repositoryRoot.appendingPathComponent("Notebooks")
    var names: [String] = []
    let enumerator = FileManager.default.enumerator(atPath: notebooks.path)
    while let path = enumerator?.nextObject() as? String {
      if path.hasSuffix(".md") { names.append(String(path.dropLast(3))) }
    }
    return try names.sorted().compactMap { try load($0) }
  }

  static func load(_ name: String) throws -> ShippedResult? {
    let folder = repositoryRoot.appendingPathComponent("Results/\(name)")
    guard let json = FileManager.default.contents(atPath: folder.appendingPathComponent("result.json").path) else { return nil }
    let document = try JSONDecoder().decode(RunDocument.self, from: json)
    let text = try String(contentsOf: repositoryRoot.appendingPathComponent("Notebooks/\(name).md"), encoding: .utf8)
    var files: [String: Data] = [:]
    let enumerator = FileManager.default.enumerator(atPath: folder.path)
    while let path = enumerator?.nextObject() as? String {
      var isFolder: ObjCBool = false
      let url = folder.appendingPathComponent(path)
      if FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), !isFolder.boolValue {
        files[path] = try Data(contentsOf: url)
      }
    }
    return ShippedResult(name: name, document: document, notebook: NotebookParser().parse(text: text, path: document.notebook).notebook, files: files)
  }

  var figureSteps: [String: Int] {
    files[HTMLReport.figureStepsFile].flatMap { try? JSONDecoder().decode([String: Int].self, from: $0) } ?? [:]
  }

  func report() -> String {
    HTMLReport(document: document, notebook: notebook, files: files, figureSteps: figureSteps).render()
  }
}

/// Runs a program and returns its exit status and both streams.
func runProgram(_ executable: String, _ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
  let process = Process()
  process.executableURL = URL(fileURLWithPath: executable)
  process.arguments = arguments
  let out = Pipe(), err = Pipe()
  process.standardOutput = out
  process.standardError = err
  try process.run()
  // Drain stderr on another thread so neither pipe fills while the other is read.
  let errors = Captured()
  let drain = Thread { errors.append(String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)) }
  drain.start()
  let output = out.fileHandleForReading.readDataToEndOfFile()
  process.waitUntilExit()
  while drain.isExecuting || !drain.isFinished { usleep(1000) }
  return (process.terminationStatus, String(decoding: output, as: UTF8.self), errors.text)
}
