import Foundation

extension HTMLReport {
  /// Marks the result commit's cell in a committed page, to be filled in later.
  static let resultCommitStart = "<!--rigor:result-commit-->"
  static let resultCommitEnd = "<!--/rigor:result-commit-->"

  /// `page` with its result-commit cell naming `commit`: what the working copy in
  /// `Results/NAME/` and `rigor render` show. Pages without the cell come back unchanged.
  ///
  /// The markers cannot come from a notebook: every notebook-supplied `<` is escaped.
  static func fillingResultCommit(_ page: Data, commit: String) -> Data {
    let text = String(decoding: page, as: UTF8.self)
    guard let start = text.range(of: resultCommitStart),
      let end = text.range(of: resultCommitEnd, range: start.upperBound..<text.endIndex)
    else { return page }
    let cell = "<code>\(MarkdownHTML.escape(commit))</code>"
    return Data(text.replacingCharacters(in: start.lowerBound..<end.upperBound, with: cell).utf8)
  }

  func provenanceSection() -> String {
    var rows: [(String, String)] = [("notebook", "<code>\(escape(document.notebook))</code>")]
    rows.append(("status", "<span class=\"badge \(escape(document.status.rawValue))\">\(escape(document.status.rawValue))</span>"))
    let registration = provenance.registrationCommit.map { "registration <code>\(escape($0))</code>" }
    if let result = provenance.resultCommit ?? document.resultCommit {
      rows.append(("result commit", "<code>\(escape(result))</code>" + (registration.map { " (\($0))" } ?? "")))
    } else {
      let pending = "the commit holding this page" + (registration.map { ", after \($0)" } ?? "")
      rows.append(("result commit", Self.resultCommitStart + pending + Self.resultCommitEnd))
    }
    if let source = provenance.sourceCommit {
      let state = provenance.sourceDirty == true ? "dirty: the working tree had uncommitted changes" : "clean"
      rows.append(("source commit", "<code>\(escape(source))</code> (\(state))"))
    }
    if let date = document.environment?.startedAt { rows.append(("date", escape(date))) }
    rows.append(("seeds", escape(SeedList.describe(document.seeds))))
    if let parameters = parameterTable() { rows.append(("parameters", parameters)) }
    rows.append(("Rigor", escape(document.rigorVersion)))
    if let environment = document.environment {
      rows.append(("toolchain", escape(environment.swiftVersion)))
      rows.append(("core (Interp tree)", environment.interpTree.map { "<code>\(escape($0))</code>" } ?? "unknown"))
      rows.append(("BLAS", escape("\(environment.blas), \(environment.blasThreadsPerSeed) thread(s) per seed")))
      rows.append(("machine", escape("\(environment.os); \(environment.cpu), \(environment.cores) cores; \(environment.jobs) jobs; \(Format.seconds(environment.wallSeconds)) wall")))
    }
    if let sandbox = document.sandbox { rows.append(("sandbox", sandbox ? "yes" : "no (--no-sandbox)")) }
    rows.append(("checkpoints", checkpointList()))
    var html = "<section id=\"provenance\" aria-label=\"Provenance\"><table class=\"meta\">"
    html += rows.map { "<tr><td>\(escape($0.0))</td><td>\($0.1)</td></tr>" }.joined()
    return html + "</table></section>\n"
  }

  /// The parameters after overrides; a value that differs from the front matter's default is
  /// marked as an override with the default beside it.
  private func parameterTable() -> String? {
    guard let parameters = document.parameters, !parameters.isEmpty else { return nil }
    let defaults = Dictionary(notebook.frontMatter.parameters.map { ($0.name, $0.value) }, uniquingKeysWith: { a, _ in a })
    var html = "<table><tr><th>name</th><th>value</th><th></th></tr>"
    for name in parameters.keys.sorted() {
      let value = parameters[name]!
      var mark = ""
      if let original = defaults[name], original != value {
        mark = "<b>override</b> (default \(escape(Self.describe(original))))"
      } else if defaults[name] == nil {
        mark = "<b>override</b>"
      }
      html += "<tr><td><code>\(escape(name))</code></td><td><code>\(escape(Self.describe(value)))</code></td><td>\(mark)</td></tr>"
    }
    return html + "</table>"
  }

  static func describe(_ value: ParameterValue) -> String {
    let data = (try? JSONOutput.data(value)) ?? Data()
    return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
  }

  /// The pretrained checkpoints the seeds loaded, each with its source, primary hash and how
  /// many seeds loaded it verified; "none" when no seed loaded one.
  func checkpointList() -> String {
    var seedsByEntry: [CheckpointDocument: (loaded: Int, verified: Int)] = [:]
    for run in document.runs {
      for checkpoint in run.checkpoints ?? [] {
        var identity = checkpoint
        identity.verified = true
        identity.problem = nil
        let counts = seedsByEntry[identity] ?? (0, 0)
        seedsByEntry[identity] = (counts.loaded + 1, counts.verified + (checkpoint.verified ? 1 : 0))
      }
    }
    guard !seedsByEntry.isEmpty else { return "none" }
    return seedsByEntry.keys.sorted { ($0.name, $0.sha256) < ($1.name, $1.sha256) }.map { entry in
      let counts = seedsByEntry[entry]!
      let state = counts.verified == counts.loaded
        ? "verified in \(counts.loaded) seed(s)"
        : "<b>not verified</b> in \(counts.loaded - counts.verified) of \(counts.loaded) seed(s)"
      return "<code>\(escape(entry.name))</code> (\(escape(entry.kind)), \(escape(entry.source)), sha256 "
        + "<code>\(escape(String(entry.sha256.prefix(16))))</code>…, \(state))"
    }.joined(separator: "<br>")
  }
}
