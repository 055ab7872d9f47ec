import Foundation

extension HTMLReport {
  /// The prose as safe HTML, with each step's results and each claim's card after the
  /// top-level block that holds it, and the headings for the table of contents.
  func bodyWithResults() -> (html: String, headings: [(id: String, title: String)]) {
    var lines = notebook.text.components(separatedBy: "\n")
    if notebook.frontMatter.bodyStartLine > 1 {
      for i in 0..<min(notebook.frontMatter.bodyStartLine - 1, lines.count) { lines[i] = "" }
    }
    let source = MarkdownDocument(lines.joined(separator: "\n"))
    let codeBlocks = source.codeBlocks()
    var insertions: [(line: Int, html: String)] = []
    for step in notebook.steps {
      guard let block = codeBlocks.first(where: { $0.contentLine == step.line }) else { continue }
      insertions.append((block.endLine, stepResults(step)))
    }
    for block in codeBlocks where block.language == "claim" {
      if let id = Self.claimID(yaml: block.literal) { insertions.append((block.endLine, claimCard(id: id))) }
    }
    var html = ""
    var headings: [(id: String, title: String)] = []
    var pending = insertions.sorted { $0.line < $1.line }[...]
    for block in source.safeHTMLBlocks() {
      html += Self.headingWithAnchor(block.html, number: headings.count + 1).map { heading in
        if let title = heading.title { headings.append((heading.id, title)) }
        return heading.html
      } ?? block.html
      while let next = pending.first, next.line <= block.endLine {
        html += next.html + "\n"
        pending = pending.dropFirst()
      }
    }
    html += pending.map(\.html).joined(separator: "\n")
    return (annotatingClaimLinks(html), headings)
  }

  /// An `<h1>`-`<h3>` block given an id (`section-N`); h1 is shown but left out of the contents.
  private static func headingWithAnchor(_ html: String, number: Int) -> (html: String, id: String, title: String?)? {
    for level in 1...3 where html.hasPrefix("<h\(level)>") {
      let id = "section-\(number)"
      let inner = html.dropFirst(4).components(separatedBy: "</h\(level)>").first ?? ""
      let title = inner.replacingOccurrences(of: "<[^>]+>", with: "", options: .regularExpression)
      let decoded = title.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
        .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&amp;", with: "&")
      return ("<h\(level) id=\"\(id)\">" + html.dropFirst(4), id, level == 1 ? nil : decoded)
    }
    return nil
  }

  static func claimID(yaml: String) -> String? {
    yaml.split(separator: "\n").first { $0.hasPrefix("id:") }
      .map { $0.dropFirst(3).trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\"'")) }
  }

  /// The step's status over seeds, then one foldable section per seed (the first open) with
  /// that seed's output and figures, and the aggregate of line plots every seed drew.
  private func stepResults(_ step: NotebookStep) -> String {
    let status = document.steps.first { $0.index == step.index }?.status?.rawValue ?? "not run"
    var html = "<div class=\"status\">step \(step.index): <span class=\"badge \(escape(status))\">\(escape(status))</span>"
    html += document.seeds.count > 1 ? " (worst over \(document.seeds.count) seeds)</div>" : "</div>"
    var seedSections: [String] = []
    for (position, seed) in document.seeds.enumerated() {
      let run = document.runs.first { $0.seed == seed }
      let own = run?.steps.first { $0.index == step.index }
      var content = ""
      if let output = files["seeds/\(seed)/steps/\(step.index).txt"], !output.isEmpty {
        content += "<pre class=\"out\">\(escape(String(decoding: output.prefix(20_000), as: UTF8.self)))</pre>"
      }
      for path in figurePaths(seed: seed, step: step.index) {
        content += "<figure>\(Self.figureImage(files[path]!, path: path))<figcaption>\(escape((path as NSString).lastPathComponent)), seed \(seed)</figcaption></figure>"
      }
      let ownStatus = own?.status.rawValue ?? "not run"
      let time = own.map { " · " + Format.seconds($0.seconds) } ?? ""
      if content.isEmpty { content = "<p class=\"muted\">no output</p>" }
      seedSections.append(
        "<details\(position == 0 ? " open" : "")><summary>seed \(seed) · <span class=\"\(escape(ownStatus))\">\(escape(ownStatus))</span>\(time)</summary>\(content)</details>")
    }
    if !seedSections.isEmpty { html += "<div class=\"seeds\">" + seedSections.joined() + "</div>" }
    html += aggregateFigures(step: step.index)
    return html
  }

  /// The SVG figures seed `seed` wrote in step `step`, by name.
  func figurePaths(seed: Int, step: Int) -> [String] {
    let prefix = "seeds/\(seed)/figures/"
    return files.keys.filter { $0.hasPrefix(prefix) && $0.hasSuffix(".svg") && figureStep(path: $0) == step }.sorted()
  }

  /// Figures are placed after the step that wrote them, else after the last step.
  private func figureStep(path: String) -> Int {
    figureSteps[path] ?? notebook.steps.last?.index ?? 0
  }

  func metricsTable() -> String {
    guard !document.metrics.isEmpty else { return "" }
    var html = "<section id=\"metrics\" aria-label=\"Metrics\"><h2>Metrics</h2><table><tr><th>metric</th>"
    html += document.seeds.map { "<th>seed \($0)</th>" }.joined() + "<th>mean</th></tr>"
    for name in document.metrics.keys.sorted() {
      let values = document.metrics[name] ?? []
      html += "<tr><td>\(escape(name))</td>"
      html += values.map { "<td>\($0.map(Format.number) ?? "—")</td>" }.joined()
      html += "<td>\(escape(Format.summary(values.compactMap { $0 })))</td></tr>"
    }
    return html + "</table></section>\n"
  }

  /// Prose flags and run errors, where the reader looks for what went wrong.
  func problems() -> String {
    guard !document.flags.isEmpty || !document.errors.isEmpty else { return "" }
    var html = "<section id=\"problems\" aria-label=\"Flags and errors\"><h2>Flags and errors</h2><ul>"
    for flag in document.flags {
      html += "<li class=\"flag\">\(escape("\(flag.file):\(flag.line)")): “\(escape(flag.cue))” in \(escape(flag.text))</li>"
    }
    for error in document.errors {
      let place = "\(error.file):\(error.line):\(error.column)"
      let seed = error.seed.map { " (seed \($0))" } ?? ""
      html += "<li class=\"failed\">\(escape(place))\(seed): \(escape(error.message))</li>"
    }
    return html + "</ul></section>\n"
  }
}
