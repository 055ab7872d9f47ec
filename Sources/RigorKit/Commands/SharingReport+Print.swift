extension SharingReport {
  /// Prints the report as text lines, or as one JSON object with `--format json`.
  func print(_ console: Console, format: OutputFormat) throws {
    if format == .json {
      console.out(try JSONOutput.encode(self))
      return
    }
    for reference in pushed { console.out("pushed \(reference) to \(remote)") }
    for rejection in rejected { console.out("REJECTED \(rejection.reference): \(rejection.reason)") }
    for item in pulled {
      if let reason = item.reason {
        console.out("\(item.reference): REFUSED: \(reason)")
        continue
      }
      console.out("\(item.reference): \(item.outcome.replacingOccurrences(of: "_", with: " "))\(item.commit.map { " \($0.prefix(12))" } ?? "")")
    }
    if pushed.isEmpty && rejected.isEmpty && pulled.isEmpty { console.out("nothing to share with \(remote)") }
  }
}
