import Foundation

/// A recorded result as a Jupyter notebook (nbformat 4.5): the prose as Markdown cells, each
/// step as a Swift code cell with one seed's captured output (a stream) and figures
/// (`image/svg+xml` display data), and the claims table as a Markdown cell after the title.
struct JupyterExport {
  var document: RunDocument
  var notebook: Notebook
  var files: [String: Data]
  var figureSteps: [String: Int]
  var seed: Int

  func render() throws -> Data {
    var cells: [[String: Any]] = []
    var lines = notebook.text.components(separatedBy: "\n")
    if notebook.frontMatter.bodyStartLine > 1 {
      for i in 0..<min(notebook.frontMatter.bodyStartLine - 1, lines.count) { lines[i] = "" }
    }
    let blocks = MarkdownDocument(lines.joined(separator: "\n")).codeBlocks()
    var prose: [String] = []
    var claimsPlaced = document.claims.isEmpty
    func flushProse() {
      let text = prose.joined(separator: "\n").trimmingCharacters(in: .newlines)
      prose = []
      guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return }
      cells.append(markdownCell(text))
      if !claimsPlaced {
        cells.append(markdownCell(claimsTable()))
        claimsPlaced = true
      }
    }
    var lineNumber = 1
    for step in notebook.steps {
      guard let block = blocks.first(where: { $0.contentLine == step.line }) else { continue }
      while lineNumber < block.startLine, lineNumber <= lines.count {
        prose.append(lines[lineNumber - 1])
        lineNumber += 1
      }
      flushProse()
      cells.append(codeCell(step))
      lineNumber = block.endLine + 1
    }
    while lineNumber <= lines.count {
      prose.append(lines[lineNumber - 1])
      lineNumber += 1
    }
    flushProse()
    if !claimsPlaced { cells.append(markdownCell(claimsTable())) }
    for (index, _) in cells.enumerated() { cells[index]["id"] = "cell-\(index + 1)" }
    let root: [String: Any] = [
      "nbformat": 4, "nbformat_minor": 5,
      "metadata": [
        "kernelspec": ["name": "swift", "display_name": "Swift", "language": "swift"],
        "language_info": ["name": "swift", "file_extension": ".swift", "mimetype": "text/x-swift"],
        "rigor": [
          "notebook": document.notebook, "result_commit": document.resultCommit ?? NSNull(),
          "seeds": document.seeds, "outputs_of_seed": seed, "rigor_version": document.rigorVersion,
        ] as [String: Any],
      ] as [String: Any],
      "cells": cells,
    ]
    return try JSONSerialization.data(withJSONObject: root, options: [.prettyPrinted, .sortedKeys])
  }

  private func markdownCell(_ text: String) -> [String: Any] {
    ["cell_type": "markdown", "metadata": [String: Any](), "source": Self.sourceLines(text)]
  }

  private func codeCell(_ step: NotebookStep) -> [String: Any] {
    var outputs: [[String: Any]] = []
    if let output = files["seeds/\(seed)/steps/\(step.index).txt"], !output.isEmpty {
      outputs.append(["output_type": "stream", "name": "stdout", "text": Self.sourceLines(String(decoding: output, as: UTF8.self))])
    }
    let prefix = "seeds/\(seed)/figures/"
    let lastStep = notebook.steps.last?.index ?? 0
    for path in files.keys.sorted() where path.hasPrefix(prefix) && path.hasSuffix(".svg") && (figureSteps[path] ?? lastStep) == step.index {
      outputs.append([
        "output_type": "display_data", "metadata": [String: Any](),
        "data": [
          "image/svg+xml": Self.sourceLines(String(decoding: files[path]!, as: UTF8.self)),
          "text/plain": ["figure \((path as NSString).lastPathComponent), seed \(seed)"],
        ],
      ])
    }
    let status = document.runs.first { $0.seed == seed }?.steps.first { $0.index == step.index }?.status.rawValue
    return [
      "cell_type": "code", "execution_count": step.index,
      "metadata": ["language": "swift", "vscode": ["languageId": "swift"], "rigor": ["step": step.index, "status": status ?? "not run"]] as [String: Any],
      "source": Self.sourceLines(step.code.hasSuffix("\n") ? String(step.code.dropLast()) : step.code),
      "outputs": outputs,
    ]
  }

  private func claimsTable() -> String {
    var text = "## Claims (result \(document.resultCommit.map { String($0.prefix(12)) } ?? "not committed"), seeds \(SeedList.describe(document.seeds)))\n\n"
    text += "| claim | says | tier | verdict |\n|---|---|---|---|\n"
    for claim in document.claims {
      let cells = [claim.id, claim.says ?? "", claim.tier.map { "tier \($0)" } ?? "no tier", claim.verdict.rawValue]
      text += "| " + cells.map(Self.tableCell).joined(separator: " | ") + " |\n"
    }
    return text
  }

  private static func tableCell(_ text: String) -> String {
    text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
  }

  /// Jupyter's multi-line string form: lines keeping their line feeds.
  static func sourceLines(_ text: String) -> [String] {
    var lines: [String] = []
    var current = ""
    for character in text {
      current.append(character)
      if character == "\n" {
        lines.append(current)
        current = ""
      }
    }
    if !current.isEmpty { lines.append(current) }
    return lines
  }
}
