/// `rigor log --format json`: `{"notebook", "results_ref", "results": [...]}` newest first.
struct LogDocument: Codable {
  var notebook: String
  var resultsRef: String
  var results: [LogEntry]

  enum CodingKeys: String, CodingKey {
    case notebook, results
    case resultsRef = "results_ref"
  }
}
