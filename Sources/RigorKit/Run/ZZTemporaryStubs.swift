struct ProseAuditor { func audit(markdown: String, file: String) -> [FlagDocument] { [] } }
struct ResultSharing {
  var store: ResultStore
  struct Report { var rejected: [String] = []; func print(_ c: Console, format: OutputFormat) throws {} }
  func push(to: String) throws -> Report { Report() }
  func pull(from: String) throws -> Report { Report() }
}
