/// `rigor audit --format json`: `{"files", "flags", "errors", "checked_against"}`;
/// `checked_against` maps each file whose anchors were checked to the result used.
struct AuditDocument: Codable {
  var files: [String]
  var flags: [FlagDocument]
  var errors: [ErrorDocument]
  var checkedAgainst: [String: String] = [:]

  enum CodingKeys: String, CodingKey {
    case files, flags, errors
    case checkedAgainst = "checked_against"
  }
}
